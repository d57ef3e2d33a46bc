extension Messages.Training {
    /// The help texts of `jcskills training` (Sources/CLI/Training): abstracts, discussions, options.
    public enum Help {
        public static let printJsonFieldNamesHelp = Message(zh: "输出 JSON（字段名同协议）而不是表格。", en: "Print JSON (field names as in the protocol) instead of a table.")
        public static let trainingServiceSAddressHelp = Message(zh: "职业培训服务的地址。", en: "The training service's address.")
        public static let vocationalTrainingOfficeCoursesAbstract = Message(zh: "职业培训办公室：课程、报名、培训结果、培训后取证、统计数据、劳务品牌、个人培训档案。", en: "The vocational training office: courses, enrolment, results, certificates after training, figures, labour brands, a person's record.")
        public static let writesCoursesEnrolmentResultsDiscussion = Message(
            zh: """
                写入（课程、报名、结果、证书、品牌）限管理员、培训办公室（--as training-office）\
                及县级账号（仅本县课程）。拒绝时输出一行并指明规则（如 FAILED_PRECONDITION: capacity: …）；\
                文件类命令逐行报告每个被拒绝的行及其行号、列和原因，退出码 3。\
                按以下顺序加载一组文件（`jcskills demo-data training` 可生成）：
                  jcskills training brands register demo/brands.csv
                  jcskills training courses register demo/courses.csv
                  jcskills training enrol demo/enrolments.csv
                  jcskills training results upload demo/results.csv
                然后：
                  jcskills training courses list --county 140524 --year 2021
                  jcskills training enrol --course JC-2021-0013 --id-number 140524199001011239
                  jcskills training certificate --enrolment TR202100000042 --certificate JCH202000000007
                  jcskills training indicators --year 2021 --county 140524
                  jcskills training brands
                  jcskills training record --id-number 140524199001011239
                """,
            en: """
                Writes (courses, enrolment, results, certificates, brands) are for admin, the training \
                office (--as training-office) and county offices for their own county's courses. A \
                refusal is printed as one line naming the rule (e.g. FAILED_PRECONDITION: capacity: …); \
                file commands report every refused row with its line, column and reason and exit 3. \
                Load a set of files in this order (`jcskills demo-data training` writes one):
                  jcskills training brands register demo/brands.csv
                  jcskills training courses register demo/courses.csv
                  jcskills training enrol demo/enrolments.csv
                  jcskills training results upload demo/results.csv
                Then:
                  jcskills training courses list --county 140524 --year 2021
                  jcskills training enrol --course JC-2021-0013 --id-number 140524199001011239
                  jcskills training certificate --enrolment TR202100000042 --certificate JCH202000000007
                  jcskills training indicators --year 2021 --county 140524
                  jcskills training brands
                  jcskills training record --id-number 140524199001011239
                """)
        public static let countyCodeWholeCityHelp = Message(zh: "县（市、区）代码；0 表示全市。", en: "County code; 0 for the whole city.")
        public static let yearCourseRunsAnyHelp = Message(zh: "课程举办的年份；0 表示任意年份。", en: "Year the course runs in; 0 for any.")
        public static let writeEveryRefusedRowHelp = Message(zh: "把每个被拒绝的行写入此 CSV 文件（line,column,reason）。", en: "Write every refused row to this CSV file (line,column,reason).")
        public static let courseSCodeJcHelp = Message(zh: "课程代码，如 JC-2021-0013。", en: "The course's code, e.g. JC-2021-0013.")
        public static let registerCoursesFromCsvAbstract = Message(zh: "从 CSV 文件登记课程；列出某县（市、区）或某年的课程；显示一门课程。", en: "Register courses from a CSV file; list a county's or year's courses; show one.")
        public static let registerUpdateCoursesCoursesAbstract = Message(zh: "登记（或更新）courses.csv 中的课程，每门一次 RegisterCourse 调用。", en: "Register (or update) the courses of a courses.csv, one RegisterCourse call each.")
        public static let coursesCountyCityRunningAbstract = Message(zh: "某县（市、区）（或全市）某年举办的课程，按开课日期排列，含已报名额。", en: "Courses of a county (or the city) running in a year, by start date, with places taken.")
        public static let oneCourseCodeWhatAbstract = Message(zh: "按代码显示一门课程：内容、方式、承办者、地点、时间、名额和补贴。", en: "One course by its code: what, how, by whom, where, when, places and subsidy.")
        public static let examplesJcskillsTrainingCoursesDiscussion = Message(
            zh: """
                示例：
                  jcskills training courses register demo/courses.csv
                  jcskills training courses list --county 140524 --year 2021
                  jcskills training courses show JC-2021-0013 --json
                """,
            en: """
                Examples:
                  jcskills training courses register demo/courses.csv
                  jcskills training courses list --county 140524 --year 2021
                  jcskills training courses show JC-2021-0013 --json
                """)
        public static func columnsCertificateKindLevelDiscussion(_ p1: String, _ p2: String, _ p3: String, _ p4: String) -> Message {
            Message(
            zh: """
                列：\(p1)。\
                certificate_kind：\(p2)；\
                有等级的类别（skill_level、vocational_qualification）填等级 1–5，其余留空。\
                mode：\(p3)。\
                programme：\(p4)。\
                provider_kind：training_institution 或 enterprise，并给出承办方的统一社会信用代码。\
                日期格式 yyyy-mm-dd。subsidy_per_trainee：每名合格学员的补贴（元；重点群体课程必须给出）；\
                subsidy_with_certificate：结业后取得证书者的较高档补贴（0 表示无；不得低于标准）。\
                labour_brand：已登记劳务品牌的代码（先登记品牌）或留空；occupation_name 仅供阅读，不发送。\
                课程以代码为键：已登记课程的行即更新它（并注明），完全相同的行不再发送。\
                每个被拒绝的行都报告其行号、列和原因。所有行都导入时退出码为 0，有行被拒绝时为 3。
                """,
            en: """
                Columns: \(p1). \
                certificate_kind: \(p2); \
                level 1–5 for the levelled kinds (skill_level, vocational_qualification), else empty. \
                mode: \(p3). \
                programme: \(p4). \
                provider_kind: training_institution or enterprise, with the provider's credit code. \
                Dates yyyy-mm-dd. subsidy_per_trainee: yuan per trainee who passes (a key-group \
                course must give it); subsidy_with_certificate: the higher tier for one who then \
                obtains a certificate (0: none; never below the standard). labour_brand: a \
                registered brand's code (register brands first) or empty; occupation_name is for \
                reading and not sent. \
                A course is keyed by its code: a row for a registered course updates it (noted), \
                an identical one is not sent again. Every refused row is reported with its line, \
                column and reason. Exit 0 when every row went in, 3 when some were refused.
                """)
        }
        public static let anyoneIdentifiedMayListDiscussion = Message(zh: "任何已认证身份都可以列出课程：课程不含个人信息。", en: "Anyone identified may list courses: they hold no personal data.")
        public static let fileRowsPerMessageHelp = Message(zh: "使用文件时：每条消息（及每个数据库事务）的行数。", en: "With a file: rows per message (and per database transaction).")
        public static let courseSCodeHelp = Message(zh: "课程代码。", en: "The course's code.")
        public static let personSCharacterIdHelp = Message(zh: "此人的 18 位身份证号。", en: "The person's 18-character ID number.")
        public static let enrolmentsCsvInsteadCourseHelp = Message(zh: "一个 enrolments.csv，代替 --course 和 --id-number。", en: "An enrolments.csv instead of --course and --id-number.")
        public static let fileWriteEveryRefusedHelp = Message(zh: "使用文件时：把每个被拒绝的行写入此 CSV 文件。", en: "With a file: write every refused row to this CSV file.")
        public static let fileEnrolRowRowHelp = Message(zh: "使用文件时：逐行报名，并为每个报名成功的行写出 course_code,id_number,enrolment_number。", en: "With a file: enrol row by row and write course_code,id_number,enrolment_number of every enrolled row.")
        public static let enrolPersonCourseIdAbstract = Message(zh: "按身份证号为一人报名课程，或为 enrolments.csv 的每一行报名。", en: "Enrol a person in a course by ID number, or every row of an enrolments.csv.")
        public static func serviceAsksRegistryActiveDiscussion(_ p1: String) -> Message {
            Message(
            zh: """
                服务先向劳动力资源库确认有效卡号（无法连接劳动力资源库：UNAVAILABLE，不写入任何内容），\
                再执行各项规则，每次拒绝指明一条：registered、key_group_member（重点群体课程只收其成员）、no_overlap、\
                subsidised_per_year（默认每人每年最多 3 次补贴培训）、capacity。每次调用带自己的幂等键，\
                因此答复丢失后重试的调用只占一个名额，不会占两个。
                文件（列：\(p1))即一份班级名单，流式发送到 \
                ImportEnrolments：每条消息只询问劳动力资源库一次，按文件顺序报名，已在课程中的人计为此前已登记\
                （再次上传名单不会重复报名），每个被拒绝的行都报告其行号、列和规则。加 --numbers 时改为每行单独调用 \
                Enrol（较慢），并写出每个报名成功的行的报名编号（培训机构的结果文件用它）。\
                所有行都导入时退出码为 0，有行被拒绝时为 3。
                示例：
                  jcskills training enrol --course JC-2021-0013 --id-number 140524199001011239
                  jcskills training enrol demo/enrolments.csv --numbers enrolled.csv
                """,
            en: """
                The service asks the registry for an active card first (registry unreachable: \
                UNAVAILABLE, nothing written), then applies its rules, each refusal naming one: \
                registered, key_group_member (a key-group course takes members only), no_overlap, \
                subsidised_per_year (at most 3 subsidised courses a person a year by default), \
                capacity. Each call carries its own idempotency key, so a call retried after a lost \
                answer takes one place, not two.
                A file (columns \(p1)) is a class \
                list, streamed to ImportEnrolments: the registry is asked once per message, rows are \
                enrolled in file order, a person already in the course counts as already registered \
                (uploading a list again enrols nobody twice), and every refused row is reported with \
                its line, column and rule. With --numbers each row is enrolled by its own Enrol call \
                instead (slower), and each enrolled row's number — which a provider's result file \
                names — is written out. Exit 0 when every row went in, 3 when some were refused.
                Examples:
                  jcskills training enrol --course JC-2021-0013 --id-number 140524199001011239
                  jcskills training enrol demo/enrolments.csv --numbers enrolled.csv
                """)
        }
        public static let yearCoursesStartingHelp = Message(zh: "年份（该年开课的课程）。", en: "Year (courses starting in it).")
        public static let countyCodeCityHelp = Message(zh: "县（市、区）代码；0 表示全市。", en: "County code; 0 for the city.")
        public static let personSIdNumberHelp = Message(zh: "此人的身份证号。", en: "The person's ID number.")
        public static let yearSTrainingFiguresAbstract = Message(zh: "全市或某县（市、区）一年的培训数据：合计，然后按培训项目、方式、培训机构和课程。", en: "A year's training figures for the city or a county: totals, then by programme, mode, provider and course.")
        public static let labourBrandsLevelsEachAbstract = Message(zh: "劳务品牌：各品牌获评的级别、每年培训和就业人数、仍没有品牌的县（市、区）。", en: "Labour brands: the levels each reached, people trained and placed per year, the counties still lacking one.")
        public static let everyBrandLevelsCoursesAbstract = Message(zh: "每个品牌的级别及其课程每年的学员和就业人数，以及 2020 年前没有市级品牌或 2021 年前没有省级品牌的县（市、区）。", en: "Every brand with its levels and its courses' trainees and placements per year, and the counties without a city-level brand by 2020 or a provincial-level one by 2021.")
        public static let registerUpdateLabourBrandsAbstract = Message(zh: "登记（或更新）brands.csv 中的劳务品牌。", en: "Register (or update) the labour brands of a brands.csv.")
        public static let personSLifelongTrainingAbstract = Message(zh: "按身份证号查看一人的终身培训档案：每门课程、结果、培训后取证和就业，以及所持证书。", en: "A person's lifelong training record by ID number: every course, result, certificate after training and job, and the certificates they hold.")
        public static let personTimesEnrolmentsCoursesDiscussion = Message(
            zh: """
                培训人次（该年开课课程的报名）、结果、合格、培训后就业、培训后取证、各项比率\
                （以有结果的学员为基数）和应付补贴。合格率低于 95 % 或就业率低于 30 % 的培训机构标出预警\
                （pass_rate、employment_rate）。供管理员、培训办公室、县级账号、审计人员和网关使用。\
                --json 以万分比给出比率（9500 = 95 %）。
                示例：
                  jcskills training indicators --year 2021
                  jcskills training indicators --year 2021 --county 140524 --json
                """,
            en: """
                Person-times (enrolments in courses starting in the year), results, passes, jobs after \
                training, certificates after training, their rates (of the trainees with a result) and \
                the subsidy due. Providers under 95 % passing or 30 % in a job are flagged \
                (pass_rate, employment_rate). For admin, the training office, county offices, \
                auditors and the gateway. --json gives rates in basis points (9500 = 95 %).
                Examples:
                  jcskills training indicators --year 2021
                  jcskills training indicators --year 2021 --county 140524 --json
                """)
        public static let examplesJcskillsTrainingBrandsDiscussion = Message(
            zh: """
                示例：
                  jcskills training brands            # 报告，同 `brands show`
                  jcskills training brands --json
                  jcskills training brands register demo/brands.csv
                """,
            en: """
                Examples:
                  jcskills training brands            # the report, as `brands show`
                  jcskills training brands --json
                  jcskills training brands register demo/brands.csv
                """)
        public static func columnsRecognitionsLevelsReachedDiscussion(_ p1: String, _ p2: String) -> Message {
            Message(
            zh: """
                列：\(p1)。recognitions：获评的级别，\
                以“;”分隔的 级别:年份——级别 \(p2)\
                ——如 city:2020;provincial:2021;national:2022；较高级别不得早于较低级别。级别提升时以新级别再次登记该品牌。\
                county：品牌所在县（市、区）代码。所有行都导入时退出码为 0，有行被拒绝时为 3。
                """,
            en: """
                Columns: \(p1). recognitions: the \
                levels reached, level:year separated by ';' — levels \(p2) \
                — e.g. city:2020;provincial:2021;national:2022; a higher level no earlier than a \
                lower one. Register a brand again with its new level as it rises. county: the \
                brand's county code. Exit 0 when every row went in, 3 when some were refused.
                """)
        }
        public static let showsPersonalDataFullDiscussion = Message(
            zh: """
                显示完整个人信息：仅限管理员、培训办公室和审计人员，每次查询都记入审计。\
                证书来自技能评价服务，含认可的等同证书；未能及时询问时报告为未知，而不是没有。
                示例：jcskills --as training-office training record --id-number 140524199001011239
                """,
            en: """
                Shows personal data in full: admin, the training office and auditors only, and every \
                look-up is audited. The certificates come from the evaluation service, with their \
                recognised equivalents; when it cannot be asked in time they are reported as unknown, \
                not as none.
                Example: jcskills --as training-office training record --id-number 140524199001011239
                """)
        public static let rowsPerMessagePerHelp = Message(zh: "每条消息（及每个数据库事务）的行数。", en: "Rows per message (and per database transaction).")
        public static let writeEveryRejectedRowHelp = Message(zh: "把每个被拒绝的行写入此 CSV 文件（line,column,reason）。", en: "Write every rejected row to this CSV file (line,column,reason).")
        public static let enrolmentSNumberTrHelp = Message(zh: "报名编号（TR…）。", en: "The enrolment's number (TR…).")
        public static let certificateSNumberPrintedHelp = Message(zh: "证书上印的编号。", en: "The certificate's number as printed.")
        public static let uploadProviderSResultAbstract = Message(zh: "上传培训机构的结果文件。", en: "Upload a provider's result file.")
        public static let uploadResultsCsvThroughAbstract = Message(zh: "通过 ImportResults 流上传 results.csv：进度条，错误行按行号、列和原因报告。", en: "Upload a results.csv through the ImportResults stream: a progress bar, bad rows by line, column and reason.")
        public static let recordCertificateTraineeObtainedAbstract = Message(zh: "记录学员结业后取得的证书（RecordCertificate）。", en: "Record a certificate the trainee obtained after the course (RecordCertificate).")
        public static func columnsEnrolmentNumberServiceDiscussion(_ p1: String) -> Message {
            Message(
            zh: """
                列：\(p1)。\
                enrolment_number 为报名时服务给出的编号（`training enrol FILE --numbers` 会写出）；\
                completed_on 为学员结业（或退出）之日，不早于课程首日；passed 为 true/false——合格者获得培训合格证编号；\
                培训后就业为 employer_credit_code 或 self_employed=true（二者不可兼有），并给出 employed_on（就业首日），\
                不早于开课日；employment_verified 核实过（用人单位记录、社会保险）为 true，自报为 false。没有就业时就业各列留空。
                每个报名一个结果：已记录结果的行即更正它，相同结果再次上传不改变任何内容——同一文件上传两次，\
                其各行计为此前已登记。出现在两行的报名编号按行报告。所有行都导入时退出码为 0，有行被拒绝时为 3。
                示例：jcskills training results upload demo/results.csv --errors rejected.csv
                """,
            en: """
                Columns: \(p1). \
                enrolment_number as the service gave it at enrolment (`training enrol FILE \
                --numbers` writes them); completed_on the day the trainee completed (or left), on \
                or after the course's first day; passed true/false — a pass gets a \
                training-completion number; a job after training is an employer_credit_code or \
                self_employed=true (not both) with employed_on, its first day, on or after the \
                course's start; employment_verified true when checked (an employer's record, \
                social insurance), false when declared. Leave the job columns empty when there is none.
                One result per enrolment: a row for a result already recorded corrects it, the same \
                result again changes nothing — uploading a file twice counts its rows as already \
                registered. An enrolment number on two lines is reported by line. Exit 0 when every \
                row went in, 3 when some were rejected.
                Example: jcskills training results upload demo/results.csv --errors rejected.csv
                """)
        }
        public static let evaluationServiceConfirmsCertificateDiscussion = Message(
            zh: """
                技能评价服务先按证书编号和学员身份证号确认证书。拒绝：certificate_holder（不存在，或不属于该学员）、\
                certificate_standing（已撤销）、certificate_after_training（在开课前颁发）；无法连接评价服务：UNAVAILABLE，不记录任何内容。\
                再次记录不改变任何内容。合格并取得证书的学员按课程的较高档补贴计（subsidy_with_certificate）。
                一个文件（ImportCertificatesAfter）：每条消息问一次评价服务，被拒绝的行按行号、列和规则报告。
                示例：jcskills training certificate --enrolment TR202100000042 --certificate JCC202100000001
                      jcskills training certificate certificates_after.csv --errors rejected.csv
                """,
            en: """
                The evaluation service confirms the certificate by its number and the trainee's ID \
                number first. Refusals: certificate_holder (unknown, or not the trainee's), \
                certificate_standing (revoked), certificate_after_training (issued before the course \
                began); evaluation unreachable: UNAVAILABLE, nothing recorded. Recording it again \
                changes nothing. A trainee who passed and obtains a certificate counts at the course's \
                higher subsidy tier (subsidy_with_certificate).
                A file (ImportCertificatesAfter): the evaluation service asked once a message, refused                 rows reported by line, column and rule.
                Example: jcskills training certificate --enrolment TR202100000042 --certificate JCC202100000001
                         jcskills training certificate certificates_after.csv --errors rejected.csv
                """)
        public static let dayPersonEnrolledHelp = Message(zh: "报名日期（yyyy-mm-dd），按培训机构的记录补录：不晚于今天和课程结束日，不早于开课前一年；默认今天。",
                                                          en: "The day the person enrolled (yyyy-mm-dd), as the provider's records have it: not after today or the course's end, at most a year before it starts; default today.")
        public static let certificatesAfterCsvInsteadHelp = Message(zh: "一个 certificates_after.csv（enrolment_number,certificate_number），代替 --enrolment 和 --certificate。",
                                                                    en: "A certificates_after.csv (enrolment_number,certificate_number) instead of --enrolment and --certificate.")
    }
}
