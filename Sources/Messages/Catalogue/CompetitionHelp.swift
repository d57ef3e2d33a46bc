extension Messages.Competition {
    /// The help texts of `jcskills competition` and `jcskills studio` (Sources/CLI/Competition): abstracts, discussions, options.
    public enum Help {
        public static let printJsonFieldNamesHelp = Message(zh: "输出 JSON（字段名同协议，分数为十进制文本）而不是表格。", en: "Print JSON (field names as in the protocol, marks as decimal text) instead of a table.")
        public static let competitionServiceSAddressHelp = Message(zh: "职业技能竞赛服务的地址。", en: "The competition service's address.")
        public static let skillsCompetitionsCompetitionsEventsAbstract = Message(zh: "职业技能竞赛：竞赛、比赛项目和评分方案、报名、裁判评分、截止、成绩、奖励、统计数据。", en: "Skills competitions: competitions, events and marking schemes, entries, judges' marks, closing, results, awards, figures.")
        public static let writesCompetitionsEventsEntriesDiscussion = Message(
            zh: """
                写入（竞赛、项目、报名、截止）限管理员、竞赛办公室（--as competition-office）\
                及县级账号（仅本县竞赛）。评分只限裁判：裁判出示自己的身份（--as judge-J01，其证书为 jcskills://judge/J01），\
                只能为列有自己的项目评分。分数以两位小数显示和录入（12.50）；服务按百分之一分保存。\
                拒绝时输出一行并指明规则（如 FAILED_PRECONDITION: event_open: …）；文件类命令逐行报告每个被拒绝的行\
                及其行号、列和原因，退出码 3。按以下顺序加载一组文件（`jcskills demo-data competition` 可生成）：
                  jcskills competition register demo/competitions.csv
                  jcskills competition event register demo/events.csv
                  jcskills competition enter demo/entries.csv
                  jcskills competition marks --as judge-J01 demo/marks_J01.csv   # 每名裁判
                  jcskills competition close --competition JC-2021-CITY --all
                然后：
                  jcskills competition list --year 2021
                  jcskills competition event list --competition JC-2021-CITY
                  jcskills competition results --competition JC-2021-CITY --event E01
                  jcskills competition awards --year 2021
                  jcskills competition counts --year 2021
                  jcskills studio list
                """,
            en: """
                Writes (competitions, events, entries, closing) are for admin, the competition office \
                (--as competition-office) and county offices for their own county's competitions. \
                Marks are for judges only: a judge presents their own identity (--as judge-J01, whose \
                certificate says jcskills://judge/J01) and may mark only the events that list them. \
                Marks are shown and entered in marks with two decimals (12.50); the service keeps \
                hundredths. A refusal is printed as one line naming the rule (e.g. FAILED_PRECONDITION: \
                event_open: …); file commands report every refused row with its line, column and \
                reason and exit 3. Load a set of files in this order (`jcskills demo-data competition` \
                writes one):
                  jcskills competition register demo/competitions.csv
                  jcskills competition event register demo/events.csv
                  jcskills competition enter demo/entries.csv
                  jcskills competition marks --as judge-J01 demo/marks_J01.csv   # each judge
                  jcskills competition close --competition JC-2021-CITY --all
                Then:
                  jcskills competition list --year 2021
                  jcskills competition event list --competition JC-2021-CITY
                  jcskills competition results --competition JC-2021-CITY --event E01
                  jcskills competition awards --year 2021
                  jcskills competition counts --year 2021
                  jcskills studio list
                """)
        public static let personSNameHelp = Message(zh: "此人的姓名。", en: "The person's name.")
        public static let studentSSchoolHelp = Message(zh: "学生所在学校。", en: "A student's school.")
        public static let studentSCountyCodeHelp = Message(zh: "学生的县（市、区）代码。", en: "A student's county code.")
        public static func fileRowsPerMessageHelp(_ p1: String) -> Message {
            Message(zh: "使用文件时：每条消息的行数（最多 \(p1)）。", en: "With a file: rows per message (at most \(p1)).")
        }
        public static let competitionSCodeHelp = Message(zh: "竞赛代码。", en: "The competition's code.")
        public static let eventSCodeHelp = Message(zh: "比赛项目代码。", en: "The event's code.")
        public static let personSCharacterIdHelp = Message(zh: "此人的 18 位身份证号。", en: "The person's 18-character ID number.")
        public static let entriesCsvInsteadFlagsHelp = Message(zh: "一个 entries.csv，代替各参数。", en: "An entries.csv instead of the flags.")
        public static let fileWriteEveryRefusedHelp = Message(zh: "使用文件时：把每个被拒绝的行写入此 CSV 文件。", en: "With a file: write every refused row to this CSV file.")
        public static let fileEnterRowRowHelp = Message(zh: "使用文件时：逐行报名，并为每一行写出 competition_code,event_code,line,entry_number。", en: "With a file: enter row by row and write competition_code,event_code,line,entry_number of every row.")
        public static let enterPersonEventIdAbstract = Message(zh: "按身份证号和姓名为一人报名比赛项目，或为 entries.csv 的每一行报名。", en: "Enter a person in an event by ID number and name, or every row of an entries.csv.")
        public static func workerMustHoldActiveDiscussion(_ p1: String, _ p2: String) -> Message {
            Message(
            zh: """
                职工须持有效的劳动力资源库卡：服务询问劳动力资源库（无法连接：UNAVAILABLE，不写入任何内容；\
                无卡：registered_worker），报名计入其在劳动力资源库登记的县（市、区）。学生改为给出学校及其县（市、区）。\
                一人只能报名一个项目一次：再次报名返回第一次的报名。参赛编号（E01-0007）即裁判评分表上所写的编号。
                文件（列：\(p1))以每条最多 \(p2) 行的消息\
                流式发送到 ImportEntries：每条消息只询问劳动力资源库一次，已在该项目中的人计为此前已登记\
                （再次导入文件不会重复报名），每个被拒绝的行都报告其行号、列和原因。加 --numbers 时改为每行单独调用 \
                Enter（较慢），并写出每行的参赛编号。所有行都导入时退出码为 0，有行被拒绝时为 3。
                示例：
                  jcskills competition enter --competition JC-2021-CITY --event E01 --id-number 140524199001011239 --name 张伟
                  jcskills competition enter --competition JC-2021-CITY --event E07 --id-number … --name … --school 陵川县职业技术学校 --county 140524
                  jcskills competition enter demo/entries.csv
                  jcskills competition enter demo/entries.csv --numbers numbers.csv
                """,
            en: """
                A worker must hold an active registry card: the service asks the registry (registry \
                unreachable: UNAVAILABLE, nothing written; no card: registered_worker) and the entry \
                counts in the registry's county. A student names the school and its county instead. \
                A person enters an event once: entering again returns the first entry. The competitor \
                number (E01-0007) is what the judges' sheets name.
                A file (columns \(p1)) is streamed \
                to ImportEntries in messages of up to \(p2) rows: the registry is asked \
                once per message, a person already in the event counts as already registered \
                (importing a file again enters nobody twice), and every refused row is reported with \
                its line, column and reason. With --numbers each row is entered by its own Enter call \
                instead (slower), and every row's competitor number is written out. Exit 0 when every \
                row went in, 3 when some were refused.
                Examples:
                  jcskills competition enter --competition JC-2021-CITY --event E01 --id-number 140524199001011239 --name 张伟
                  jcskills competition enter --competition JC-2021-CITY --event E07 --id-number … --name … --school 陵川县职业技术学校 --county 140524
                  jcskills competition enter demo/entries.csv
                  jcskills competition enter demo/entries.csv --numbers numbers.csv
                """)
        }
        public static let eventSNameHelp = Message(zh: "比赛项目名称。", en: "The event's name.")
        public static let eventsCsvInsteadFlagsHelp = Message(zh: "一个 events.csv，代替各参数。", en: "An events.csv instead of the flags.")
        public static let eventSCodeUniqueHelp = Message(zh: "比赛项目代码，在竞赛内唯一（如 E01）。", en: "The event's code, unique in the competition (e.g. E01).")
        public static let occupationCodeCataloguePromotionsHelp = Message(zh: "2022 年版职业分类大典中的职业代码；晋升证书按此职业颁发。", en: "Occupation code of the 2022 catalogue; promotions are in it.")
        public static let workersConfirmedRegistryStudentsHelp = Message(zh: "workers（向劳动力资源库确认）或 students（给出学校）。", en: "workers (confirmed with the registry) or students (with their school).")
        public static let criterionCodeTypeMaximumHelp = Message(zh: "一个评分项，代码:类型:满分[:说明]，如 A1:measurement:25.00（可重复；满分合计 100.00）。", en: "A criterion, code:type:maximum[:description], e.g. A1:measurement:25.00 (repeat; maxima add up to 100.00).")
        public static let judgeSCodeJHelp = Message(zh: "裁判代码，如 J01（可重复）。", en: "A judge's code, e.g. J01 (repeat).")
        public static let flagJudgementWhoseScoresHelp = Message(zh: "评价分的分差超过此分数时标出待复核（默认：该项满分的 20 %）。", en: "Flag a judgement whose scores spread by more than this many marks (default: 20 % of its maximum).")
        public static let registerEventMarkingSchemeAbstract = Message(zh: "登记比赛项目及其评分方案和裁判（参数或 events.csv）；列出竞赛的项目。", en: "Register an event with its marking scheme and judges (flags, or an events.csv); list a competition's events.")
        public static let registerUpdateWhileHasAbstract = Message(zh: "用参数登记（或在尚无评分时更新）一个项目，或登记 events.csv 的每一行。", en: "Register (or update, while it has no marks) one event from flags, or every row of an events.csv.")
        public static let competitionSEventsStateAbstract = Message(zh: "竞赛的各项目：状态、报名、评分完成和待复核的数量、裁判和评分方案。", en: "A competition's events: state, entries, how many fully marked and flagged, judges and scheme.")
        public static func markingSchemeCriteriaTwoDiscussion(_ p1: String) -> Message {
            Message(
            zh: """
                评分方案由两类评分项组成：测量（一个客观分，由该项目的任一裁判录入）和评价\
                （三名裁判打分，取平均分，分差超出上限即标出待复核）。满分以分计，合计恰为 100.00。\
                裁判是证书身份的代码（judge-J01 出示 jcskills://judge/J01；`jcskills pki init --extra judge-J01`）；\
                有评价项时至少三名裁判。项目一旦有评分，其评分方案即固定（scheme_fixed）。
                文件的列为 \(p1)：\
                criteria 为以“;”分隔的 代码:类型:满分[:说明]，judges 以“;”分隔，spread_bound 以分计，留空表示各项满分的 20 %；\
                occupation_name 仅供阅读，不发送。所有行都导入时退出码为 0，有行被拒绝时为 3。
                示例：
                  jcskills competition event register --competition JC-2021-CITY --code E01 \\
                      --name 焊工（职工组） --occupation 6-18-02-04 --group workers \\
                      --criterion A1:measurement:30.00:尺寸 --criterion A2:measurement:20.00 \\
                      --criterion B1:judgement:35.00:外观 --criterion C1:measurement:15.00 \\
                      --judge J01 --judge J02 --judge J03
                  jcskills competition event register demo/events.csv
                """,
            en: """
                A marking scheme is criteria of two types: measurement (one objective mark, \
                entered by any judge of the event) and judgement (three judges score it; its mark \
                is their mean, and a spread beyond the bound flags it for review). Maxima are in \
                marks and add up to exactly 100.00. Judges are codes of PKI identities \
                (judge-J01 presents jcskills://judge/J01; `jcskills pki init --extra judge-J01`); \
                judgement criteria need at least three. Once an event has marks its scheme is \
                fixed (scheme_fixed).
                A file has the columns \(p1): \
                criteria as code:type:maximum[:description] separated by ';', judges separated by \
                ';', spread_bound in marks or empty for 20 % of each maximum; occupation_name is \
                for reading and not sent. Exit 0 when every row went in, 3 when some were refused.
                Examples:
                  jcskills competition event register --competition JC-2021-CITY --code E01 \\
                      --name 焊工（职工组） --occupation 6-18-02-04 --group workers \\
                      --criterion A1:measurement:30.00:尺寸 --criterion A2:measurement:20.00 \\
                      --criterion B1:judgement:35.00:外观 --criterion C1:measurement:15.00 \\
                      --judge J01 --judge J02 --judge J03
                  jcskills competition event register demo/events.csv
                """)
        }
        public static let exampleJcskillsCompetitionEventDiscussion = Message(zh: "示例：jcskills competition event list --competition JC-2021-CITY", en: "Example: jcskills competition event list --competition JC-2021-CITY")
        public static func marksPerSheetMostHelp(_ p1: String) -> Message {
            Message(zh: "每张评分表的分数个数（最多 \(p1)）；每张表为一个事务。", en: "Marks per sheet (at most \(p1)); each sheet is one transaction.")
        }
        public static let judgeSMarksCsvHelp = Message(zh: "裁判的 marks.csv。", en: "The judge's marks.csv.")
        public static let writeEveryRefusedRowHelp = Message(zh: "把每个被拒绝的行写入此 CSV 文件（line,column,reason）。", en: "Write every refused row to this CSV file (line,column,reason).")
        public static let submitJudgeSMarksAbstract = Message(zh: "以 --as 指定的裁判身份，从 CSV 文件提交裁判评分（SubmitMarks）。", en: "Submit a judge's marks from a CSV file (SubmitMarks), as the judge --as names.")
        public static func columnsMarkMarksMostDiscussion(_ p1: String, _ p2: String) -> Message {
            Message(
            zh: """
                列：\(p1)；mark 以分计，最多两位小数（12.50），\
                不超过该评分项的满分。评分记在 TLS 握手所证明的身份下——用 --as judge-<代码> 出示裁判自己的证书——\
                且只能用于列有该裁判的项目（否则为 PERMISSION_DENIED）。测量项只有一个分数，来自该项目的任一裁判\
                （后录入的替换先前的）；评价项取三名裁判的分数，第四个被拒绝（three_judges）。文件各行按项目分成每张最多 \
                \(p2) 个分数的评分表；每张表全部记录或全部不记录，因此一个错误分数（超过满分、未知的参赛编号或评分项）\
                会使整张表被拒绝：该表只在那一行报告一次并给出原因，其所有行都计为被拒绝。已截止的项目拒绝所有评分表（event_open）。\
                再次发送文件不会改变任何内容（计为未变），项目未截止时，更正后的分数替换该裁判先前的分数。\
                所有行都导入时退出码为 0，有行被拒绝时为 3。
                示例：
                  jcskills competition marks --as judge-J01 demo/marks_J01.csv
                """,
            en: """
                Columns: \(p1); mark in marks with \
                at most two decimals (12.50), at most the criterion's maximum. The marks are recorded \
                under the identity the TLS handshake proves — present the judge's own certificate \
                with --as judge-<code> — and only for events that list that judge \
                (PERMISSION_DENIED otherwise). A measurement has one mark, from any judge of the \
                event (a later one replaces it); a judgement takes three judges' scores, a fourth is \
                refused (three_judges). The file's rows go by event in sheets of up to \
                \(p2) marks; each sheet is recorded all or none, so one bad mark (above \
                the maximum, an unknown entry or criterion) refuses its sheet: the sheet is reported \
                once, at that row's line with its reason, and all its rows count as rejected. A closed event refuses every \
                sheet (event_open). Sending the file again changes nothing (unchanged), a corrected \
                mark replaces the judge's earlier one while the event is open. Exit 0 when every row \
                went in, 3 when some were refused.
                Example:
                  jcskills competition marks --as judge-J01 demo/marks_J01.csv
                """)
        }
        public static let yearEveryYearHelp = Message(zh: "年份；0 表示所有年份。", en: "Year; 0 for every year.")
        public static let competitionSCodeJcHelp = Message(zh: "竞赛代码，如 JC-2021-CITY。", en: "The competition's code, e.g. JC-2021-CITY.")
        public static let registerUpdateCompetitionsCompetitionsAbstract = Message(zh: "登记（或更新）competitions.csv 中的竞赛，每项一次 RegisterCompetition 调用。", en: "Register (or update) the competitions of a competitions.csv, one RegisterCompetition call each.")
        public static let competitionsYearEveryYearAbstract = Message(zh: "某年（或所有年份）的竞赛，最新的在前，含其项目和报名数。", en: "Competitions of a year (or every year), newest first, with their events and entries.")
        public static let oneCompetitionCodeKindAbstract = Message(zh: "按代码显示一项竞赛：类别、年份、主办单位、级别、奖励规则、项目和报名。", en: "One competition by its code: kind, year, organiser, level, award rule, events and entries.")
        public static func columnsKindCompetitioncsvformatKindDiscussion(_ p1: String, _ p2: String, _ p3: String) -> Message {
            Message(
            zh: """
                列：\(p1)。\
                kind：\(p2)。\
                level：\(p3)；\
                county：县级竞赛的县（市、区），否则为 0 或留空。奖励规则：名次在 top_count 以内或在项目报名人数的 \
                top_share_percent 以内（向上取整）即获奖，取人数较少者（0 表示不设该限；并列在分界线上的都获奖）；\
                names_technical_experts 和 promotes_one_level 为 true 或 false；institution_code 为颁发晋升证书的评价机构\
                （晋升时必填）。竞赛以代码为键：已登记竞赛的行即更新它（并注明），完全相同的行不再发送。\
                所有行都导入时退出码为 0，有行被拒绝时为 3。
                示例：
                  jcskills competition register demo/competitions.csv
                """,
            en: """
                Columns: \(p1). \
                kind: \(p2). \
                level: \(p3); \
                county: the county of a county-level competition, else 0 or empty. The award rule: an \
                entry is awarded when its rank is within top_count or within top_share_percent of \
                the event's entries (rounded up), whichever names fewer (0 leaves a bound out; ties at \
                the cut-off are all awarded); names_technical_experts and promotes_one_level true or \
                false; institution_code the evaluation institution that issues the promoted \
                certificates (required when promoting). A competition is keyed by its code: a row \
                for a registered one updates it (noted), an identical one is not sent again. Exit 0 \
                when every row went in, 3 when some were refused.
                Example:
                  jcskills competition register demo/competitions.csv
                """)
        }
        public static let anyoneIdentifiedMayListDiscussion = Message(
            zh: """
                任何已认证身份都可以列出竞赛：竞赛不含个人信息。
                示例：
                  jcskills competition list --year 2021
                  jcskills competition list --json
                """,
            en: """
                Anyone identified may list competitions: they hold no personal data.
                Examples:
                  jcskills competition list --year 2021
                  jcskills competition list --json
                """)
        public static let exampleJcskillsCompetitionShowDiscussion = Message(zh: "示例：jcskills competition show JC-2021-CITY", en: "Example: jcskills competition show JC-2021-CITY")
        public static let closeEveryOpenEventHelp = Message(zh: "截止竞赛中所有进行中的项目。", en: "Close every open event of the competition.")
        public static let alsoComputeStandardisedScoreHelp = Message(zh: "同时计算标准分（世界技能大赛的标度）。", en: "Also compute the standardised score (WorldSkills' scale).")
        public static let yearAwardsAllCompetitionsHelp = Message(zh: "年份：该年所有竞赛的奖励。", en: "A year: the awards of all its competitions.")
        public static let countyCodeCityHelp = Message(zh: "县（市、区）代码；0 表示全市。", en: "County code; 0 for the city.")
        public static let yearDateSYearHelp = Message(zh: "年份；0 表示统计日期所在年份。", en: "Year; 0 for the as-of date's year.")
        public static let eventSCodeRepeatHelp = Message(zh: "比赛项目代码（多个时重复）。", en: "An event's code (repeat for several).")
        public static let dateYyyyMmDdHelp = Message(zh: "日期（yyyy-mm-dd）；默认今天。", en: "Date (yyyy-mm-dd); default today.")
        public static let dayPersonEnteredHelp = Message(zh: "报名日期（yyyy-mm-dd），用于补录往年赛事：不晚于今天且在赛事年度内；默认今天。", en: "The day of the entry (yyyy-mm-dd), to record a past competition: not after today, in the competition's year; default today.")
        public static let dayEventsClosedHelp = Message(zh: "截止日期（yyyy-mm-dd），即奖励日期和晋级证书的发证日期：不晚于今天且在赛事年度内；默认今天。", en: "The day the events closed (yyyy-mm-dd): the awards' day and the promotion certificates' issue date; not after today, in the competition's year; default today.")
        public static let closeEventsLockTheirAbstract = Message(zh: "截止项目：锁定评分、排定名次并确定奖励（CloseEvent）。", en: "Close events: lock their marks, rank the entries and make the awards (CloseEvent).")
        public static let eventSResultsRankAbstract = Message(zh: "一个项目按名次排列的成绩，按服务流式传出的顺序。", en: "An event's results in rank order, as the service streams them.")
        public static let awardsCompetitionYearSAbstract = Message(zh: "一项竞赛或一年所有竞赛的奖励（该年的技术能手）及其晋升。", en: "Awards of a competition, or of a year's competitions (the year's technical experts), with their promotions.")
        public static let figuresGatewayReadsTechnicalAbstract = Message(zh: "网关读取的数据：全市或某县（市、区）的技术能手、参赛人数、晋升、工作室。", en: "The figures the gateway reads: technical experts, participants, promotions, studios, for the city or a county.")
        public static let afterClosingEverySheetDiscussion = Message(
            zh: """
                截止后，所有评分表都被拒绝（event_open）。奖励按竞赛的规则确定；其晋升在后台向技能评价服务申请，\
                直到其答复为止（见 `competition awards`）。截止已截止的项目不改变任何内容。--all 截止竞赛中所有进行中的项目。
                示例：
                  jcskills competition close --competition JC-2021-CITY --event E01
                  jcskills competition close --competition JC-2021-CITY --all
                """,
            en: """
                After closing, every sheet of marks is refused (event_open). The awards follow the \
                competition's rule; their promotions are asked of the evaluation service in the \
                background and retried until it answers (see `competition awards`). Closing a closed \
                event changes nothing. --all closes every open event of the competition.
                Examples:
                  jcskills competition close --competition JC-2021-CITY --event E01
                  jcskills competition close --competition JC-2021-CITY --all
                """)
        public static let rankedTotalOutThenDiscussion = Message(
            zh: """
                按总分（满分 100）排名，其次按测量部分（客观分）；两者都相同的并列同一名次，下一名次顺延（1, 2, 2, 4）。\
                评分不完整的评分项计 0 分（“未评”给出个数）。--standardised 增加世界技能大赛的标度：\
                700 + 100 × (总分 − 中位数) / σ，项目的中位数选手为 700。供各办公室、审计人员和裁判使用；姓名脱敏。\
                项目截止前名次为临时的，不设奖。
                示例：
                  jcskills competition results --competition JC-2021-CITY --event E01 --standardised
                  jcskills --as judge-J01 competition results --competition JC-2021-CITY --event E01 --json
                """,
            en: """
                Ranked by total (out of 100), then by the measurement part (the objective marks); \
                entries equal on both share the rank and the next skips (1, 2, 2, 4). A criterion \
                without a complete mark counts 0 (unmarked says how many). --standardised adds \
                WorldSkills' scale: 700 + 100 × (total − median) / σ, the event's median entry at \
                700. For the offices, auditors and judges; names masked. Before the event closes the \
                ranking is provisional and nobody is awarded.
                Examples:
                  jcskills competition results --competition JC-2021-CITY --event E01 --standardised
                  jcskills --as judge-J01 competition results --competition JC-2021-CITY --event E01 --json
                """)
        public static let promotionPendingUntilEvaluationDiscussion = Message(
            zh: """
                晋升在技能评价服务颁发证书之前为待颁发：证书比获奖者在该项目职业中的最高等级高一级\
                （没有证书的获奖者为四级）；评价服务按规则拒绝时为被拒绝（并显示原因）；已持高级技师证书的获奖者为 at_top_level。
                示例：
                  jcskills competition awards --competition JC-2021-CITY
                  jcskills competition awards --year 2021 --json
                """,
            en: """
                A promotion is pending until the evaluation service issues the certificate one level \
                above the winner's highest in the event's occupation (level 4 for a winner without \
                one); refused when it refuses by rule (the reason is shown); at_top_level for a \
                winner who holds 高级技师 already.
                Examples:
                  jcskills competition awards --competition JC-2021-CITY
                  jcskills competition awards --year 2021 --json
                """)
        public static let technicalExpertsNamedEventsDiscussion = Message(
            zh: """
                该年竞赛中已截止项目授予的技术能手、参赛的不同人数（一人参加两个项目计一次）、\
                已颁发和待颁发的晋升、截至该日已建立的工作室，以及没有工作室的县（市、区）。
                示例：jcskills competition counts --year 2021 --county 140524
                """,
            en: """
                Technical experts named by events closed in the year's competitions, distinct persons \
                entered (one in two events counts once), promotions issued and pending, studios \
                established by the date and counties without one.
                Example: jcskills competition counts --year 2021 --county 140524
                """)
        public static let yearHelp = Message(zh: "年份。", en: "The year.")
        public static let apprenticesMentoredYearHelp = Message(zh: "该年带徒人数。", en: "Apprentices mentored in the year.")
        public static let technicalProblemsSolvedYearHelp = Message(zh: "该年解决的技术难题数。", en: "Technical problems solved in the year.")
        public static let studioYearsCsvInsteadHelp = Message(zh: "一个 studio_years.csv，代替各参数。", en: "A studio_years.csv instead of the flags.")
        public static let studioSCodeHelp = Message(zh: "工作室代码。", en: "The studio's code.")
        public static let skillMasterStudiosRegisterAbstract = Message(zh: "技能大师工作室：登记工作室，记录其各年工作，以及规划完成情况报告。", en: "Skill-master studios (技能大师工作室): register them, record their years' work, and the plan's report.")
        public static let registerUpdateStudiosStudiosAbstract = Message(zh: "登记（或更新）studios.csv 中的工作室，每个一次 RegisterStudio 调用。", en: "Register (or update) the studios of a studios.csv, one RegisterStudio call each.")
        public static let recordStudioSYearAbstract = Message(zh: "记录工作室一年的工作：带徒人数和解决的技术难题（参数或 studio_years.csv）。", en: "Record a studio's year: apprentices mentored and technical problems solved (flags, or a studio_years.csv).")
        public static let studiosEstablishedDatePlanAbstract = Message(zh: "截至某日已建立的工作室，及规划检查：没有工作室的县（市、区）、没有工作室的大型企业、总数对照 50 个。", en: "The studios established by a date, with the plan's checks: counties without one, large enterprises without one, the total against 50.")
        public static let planOneTwoStudiosDiscussion = Message(
            zh: """
                规划：2020 年底前每个县（市、区）一至两个工作室、每个大型企业一个，2021 年前全市五十个。\
                工作室领办人须持有效的技师或高级技师证书（二级或一级，含认可的等同证书），由竞赛服务向技能评价服务查询；\
                否则为 FAILED_PRECONDITION（studio_master_level）。写入限管理员、竞赛办公室及县级账号（仅本县）。
                示例：
                  jcskills studio register demo/studios.csv
                  jcskills studio year demo/studio_years.csv
                  jcskills studio year --studio JC-MS-01 --year 2021 --apprentices 12 --problems 5
                  jcskills studio list --as-of 2020-12-31
                """,
            en: """
                The plan: one or two studios in every county and one in every large enterprise by the \
                end of 2020, fifty in the city by 2021. A studio's master must hold a valid 技师 or \
                高级技师 certificate (level 2 or 1, counting recognised equivalents), which the \
                competition service asks the evaluation service; otherwise FAILED_PRECONDITION \
                (studio_master_level). Writes are for admin, the competition office and county \
                offices for their own county.
                Examples:
                  jcskills studio register demo/studios.csv
                  jcskills studio year demo/studio_years.csv
                  jcskills studio year --studio JC-MS-01 --year 2021 --apprentices 12 --problems 5
                  jcskills studio list --as-of 2020-12-31
                """)
        public static func columnsHostCreditCodeDiscussion(_ p1: String, _ p2: String) -> Message {
            Message(
            zh: """
                列：\(p1)。\
                host_credit_code 为依托企业的统一社会信用代码，由县里承办的工作室留空；\
                level \(p2)；\
                established_on 格式 yyyy-mm-dd。每位领办人都要询问技能评价服务：无法连接时在该行停止（UNAVAILABLE，该行不写入）。\
                所有行都导入时退出码为 0，有行被拒绝时为 3。
                """,
            en: """
                Columns: \(p1). \
                host_credit_code the host enterprise's unified social credit code, empty for a \
                studio its county hosts; level \(p2); \
                established_on yyyy-mm-dd. The evaluation service is asked about each master: \
                unreachable, the run stops at that line (UNAVAILABLE, nothing written for it). \
                Exit 0 when every row went in, 3 when some were refused.
                """)
        }
        public static func fileHasColumnsRecordingDiscussion(_ p1: String) -> Message {
            Message(
            zh: """
                文件的列为 \(p1)。\
                再次记录某年即替换该年。
                """,
            en: """
                A file has the columns \(p1). \
                Recording a year again replaces it.
                """)
        }
        public static let largeEnterprisesAreRegistryDiscussion = Message(
            zh: """
                大型企业指劳动力资源库中职工至少 300 人的企业；未能及时询问劳动力资源库时该行显示未知。\
                领办人的姓名和身份证号已脱敏。
                示例：
                  jcskills studio list
                  jcskills studio list --as-of 2020-12-31 --json
                """,
            en: """
                Large enterprises are the registry's of at least 300 staff; when the registry cannot \
                be asked in time that line says unknown. Masters' names and ID numbers are masked.
                Examples:
                  jcskills studio list
                  jcskills studio list --as-of 2020-12-31 --json
                """)
    }
}
