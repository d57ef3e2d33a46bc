extension Messages.Registry {
    /// The help texts of `jcskills registry` (Sources/CLI/Registry): abstracts, discussions, options.
    public enum Help {
        public static let rowsPerMessagePerHelp = Message(zh: "每条消息（及每个数据库事务）的行数。", en: "Rows per message (and per database transaction).")
        public static let countyCodeWholeCityHelp = Message(zh: "县（市、区）代码；0 表示全市（仅限劳动力资源库办公室）。", en: "County code; 0 for the whole city (registry office only).")
        public static let includePersonsWhoMovedHelp = Message(zh: "包括已迁出或已退出劳动力的人员。", en: "Include persons who moved away or left the labour force.")
        public static let idNumberHelp = Message(zh: "身份证号。", en: "ID number.")
        public static let cardNumberHelp = Message(zh: "卡号。", en: "Card number.")
        public static let countyCodeCityHelp = Message(zh: "县（市、区）代码；0 表示全市。", en: "County code; 0 for the city.")
        public static let yearAllHelp = Message(zh: "年份；0 表示全部。", en: "Year; 0 for all.")
        public static let registrySAddressHelp = Message(zh: "劳动力资源库服务的地址。", en: "The registry's address.")
        public static let writeEveryRejectedRowHelp = Message(zh: "把每个被拒绝的行写入此 CSV 文件。", en: "Write every rejected row to this CSV file.")
        public static let outputFileDefaultStandardHelp = Message(zh: "输出文件；默认标准输出。", en: "Output file; default standard output.")
        public static let labourForceRegistryImportAbstract = Message(zh: "劳动力资源库：导入、导出人员、企业和用工需求；单人建档；查询；统计。", en: "The labour-force registry: import and export persons, enterprises and demand; one person's card; look up; statistics.")
        public static let importPersonsFromCsvAbstract = Message(zh: "从 CSV 文件导入人员（`jcskills demo-data registry` 的 persons.csv 格式）。", en: "Import persons from a CSV file (the persons.csv layout of `jcskills demo-data registry`).")
        public static let importEnterprisesFromCsvAbstract = Message(zh: "从 CSV 文件导入企业（enterprises.csv 格式）。", en: "Import enterprises from a CSV file (enterprises.csv layout).")
        public static let importDemandSurveyFromAbstract = Message(zh: "从 CSV 文件导入用工需求调查（demand.csv 格式）；须先导入企业。", en: "Import the demand survey from a CSV file (demand.csv layout); enterprises first.")
        public static let exportCountySPersonsAbstract = Message(zh: "以 CSV 导出一个县（市、区）的人员（除非你的身份可查看个人信息，否则脱敏）。", en: "Export a county's persons as CSV (masked unless your identity may see personal data).")
        public static let showOnePersonIdAbstract = Message(zh: "按身份证号或卡号显示一个人。", en: "Show one person by ID number or card number.")
        public static let registeredPersonsCountyCategoryAbstract = Message(zh: "按县（市、区）和人员类别统计已登记人员；对照劳动力估计数的覆盖率。", en: "Registered persons by county and category; coverage against the estimated labour force.")
        public static let enterpriseDemandPerOccupationAbstract = Message(zh: "按职业和年份列出企业用工需求，对照已登记的从业人员和培训意愿。", en: "Enterprise demand per occupation and year against registered workers and training wishes.")
        public static let onePersonTimeCountyDiscussion = Message(
            zh: """
                一次一人（县级经办人员的工作；每次写入都带幂等键）：
                  jcskills registry register --id-number 140524199001011239 --name 王晓明 --residence-county 140524 --category rural
                  jcskills registry update --id-number 140524199001011239 --employment unemployed --reason "laid off"
                  jcskills registry move --id-number 140524199001011239 --new-county 140525
                  jcskills registry leave --id-number 140524199001011239 --leaving-reason age
                  jcskills registry history --id-number 140524199001011239
                """,
            en: """
                One person at a time (a county clerk's work; each write carries an idempotency key):
                  jcskills registry register --id-number 140524199001011239 --name 王晓明 --residence-county 140524 --category rural
                  jcskills registry update --id-number 140524199001011239 --employment unemployed --reason "laid off"
                  jcskills registry move --id-number 140524199001011239 --new-county 140525
                  jcskills registry leave --id-number 140524199001011239 --leaving-reason age
                  jcskills registry history --id-number 140524199001011239
                """)
        public static let validRowsAreRegisteredDiscussion = Message(
            zh: """
                有效的行即登记；每个错误行都报告其行号、列和原因，有效的行不会因相邻的错误行而丢失。\
                再次导入同一文件不会重复登记（其各行计为此前已登记）。15 位旧身份证号转换为 18 位并加标记。\
                文件中出现两次的身份证号按行报告：两行相同则只导入一次，不同则拒绝。\
                GBK 或 Big5 编码的文件（中文 Windows 电子表格导出的 CSV）用 --encoding 读取，或自动识别（auto）。\
                所有行都导入时退出码为 0，有行被拒绝时为 3，其他失败为 2 或 1。
                """,
            en: """
                Valid rows are registered; every bad row is reported with its line number, column and \
                reason, and nothing valid is lost because of a bad neighbour. Importing the same file \
                again adds nothing (its rows count as already registered). 15-digit legacy ID numbers \
                are converted to 18 digits and flagged. An ID number that appears twice in the file is \
                reported by line: imported once if the rows are identical, rejected if they differ. \
                A file in GBK or Big5 (a spreadsheet's CSV on a Chinese Windows desktop) is read \
                with --encoding, or found by itself (auto). Exit 0 when every row went in, 3 when some \
                rows were rejected, 2 or 1 on other failures.
                """)
        public static let printJsonFieldNamesHelp = Message(zh: "输出 JSON（字段名同协议）而不是一行文字。", en: "Print JSON (field names as in the protocol) instead of one line.")
        public static let nameHelp = Message(zh: "姓名。", en: "Name.")
        public static let maleFemaleOptionalMustHelp = Message(zh: "male 或 female（可选；须与身份证号一致）。", en: "male or female (optional; must agree with the ID number).")
        public static let poorUniversityGraduateRuralHelp = Message(zh: "poor、university_graduate、rural 或 urban。", en: "poor, university_graduate, rural or urban.")
        public static let primaryPostgraduateHelp = Message(zh: "primary … postgraduate。", en: "primary … postgraduate.")
        public static let employedUnemployedSeekingSelfHelp = Message(zh: "employed、unemployed、seeking 或 self_employed。", en: "employed, unemployed, seeking or self_employed.")
        public static let newApprenticeshipPlaceWorkHelp = Message(zh: "new_apprenticeship、in_place_of_work、project_based、work_study 或 internet_plus。", en: "new_apprenticeship, in_place_of_work, project_based, work_study or internet_plus.")
        public static let digitMobileNumberHelp = Message(zh: "11 位手机号。", en: "11-digit mobile number.")
        public static let rolloutStagePilotKeyHelp = Message(zh: "推进阶段：1 试点，2 重点群体，3 全面推开。", en: "Rollout stage: 1 pilot, 2 key groups, 3 general.")
        public static let rolloutStageHelp = Message(zh: "推进阶段：1、2 或 3。", en: "Rollout stage: 1, 2 or 3.")
        public static let whyKeptHistoryHelp = Message(zh: "原因，记入变更历史。", en: "Why, kept in the history.")
        public static let ageDeathEmigrationHelp = Message(zh: "age、death 或 emigration。", en: "age, death or emigration.")
        public static let movedOutJinchengInsteadHelp = Message(zh: "已迁出晋城（代替 --leaving-reason）。", en: "Moved out of Jincheng (instead of --leaving-reason).")
        public static let whyWordsKeptHistoryHelp = Message(zh: "原因（文字），记入变更历史。", en: "Why, in words, kept in the history.")
        public static let printJsonFieldNamesHelp2 = Message(zh: "输出 JSON（字段名同协议）而不是表格。", en: "Print JSON (field names as in the protocol) instead of a table.")
        public static let personSCharacterIdHelp = Message(zh: "此人的 18 位身份证号。", en: "The person's 18-character ID number.")
        public static let personSCardNumberHelp = Message(zh: "此人的卡号，代替 --id-number。", en: "The person's card number, instead of --id-number.")
        public static let characterIdNumberHelp = Message(zh: "18 位身份证号。", en: "18-character ID number.")
        public static let sixDigitCountyCodeHelp = Message(zh: "6 位县（市、区）代码，如 140524。", en: "Six-digit county code, e.g. 140524.")
        public static let keyGroupsSeparatedPoorHelp = Message(zh: "重点群体，以“;”分隔，如 poor_labour;disabled。", en: "Key groups separated by ';', e.g. poor_labour;disabled.")
        public static let occupationCodeCurrentWorkHelp = Message(zh: "当前工作的职业代码，如 6-30-05-01。", en: "Occupation code of current work, e.g. 6-30-05-01.")
        public static let occupationCodeTrainedHelp = Message(zh: "希望培训的职业代码。", en: "Occupation code to be trained for.")
        public static let registrationDateDefaultTodayHelp = Message(zh: "登记日期；默认今天。", en: "Registration date; default today.")
        public static let occupationCodeCurrentWorkHelp2 = Message(zh: "当前工作的职业代码。", en: "Occupation code of current work.")
        public static let replacesKeyGroupsSeparatedHelp = Message(zh: "替换重点群体：以“;”分隔，'' 表示无。", en: "Replaces the key groups: ';'-separated, '' for none.")
        public static let countyMovedSixDigitHelp = Message(zh: "迁入的县（市、区）（6 位代码）。", en: "The county moved to (six-digit code).")
        public static let registerOnePersonPrintAbstract = Message(zh: "为一人建档立卡并输出卡号。", en: "Register one person (建档立卡) and print the card number.")
        public static let changeFieldsOnePersonAbstract = Message(zh: "修改一个人的档案字段；每次修改都记入变更历史。", en: "Change fields of one person's record; every change is kept in the history.")
        public static let recordPersonMovedAnotherAbstract = Message(zh: "记录一个人迁往晋城的另一个县（市、区）。", en: "Record that a person moved to another county of Jincheng.")
        public static let recordPersonLeftLabourAbstract = Message(zh: "记录一个人退出劳动力（年龄、死亡、出境定居）或迁出晋城。", en: "Record that a person left the labour force (age, death, emigration) or moved out of Jincheng.")
        public static let personSChangesWhenAbstract = Message(zh: "一个人的变更：时间、操作人、字段、原值 → 新值、原因。", en: "A person's changes: when, who, field, old → new, why.")
        public static let flagsAreColumnsPersonsDiscussion = Message(
            zh: """
                参数即 persons.csv 的各列（`jcskills registry import`），取值相同：英文标识、中文名称或数字。\
                其余由劳动力资源库检查（身份证号、登记日年龄 16–60 岁、性别与身份证号一致、县（市、区）、手机号）；\
                每次拒绝为一行并指明字段，退出码 1。县级账号只能在本县登记（否则为 PERMISSION_DENIED）。\
                同一身份证号再次登记为 ALREADY_EXISTS 并给出已有卡号；带同一 --idempotency-key 再次运行同一命令，\
                答复与第一次相同，不会重复登记。
                示例：
                  jcskills registry register --id-number 140524199001011239 --name 王晓明 \\
                      --residence-county 140524 --category rural --key-groups rural_migrant_workers \\
                      --education senior_secondary --employment employed --occupation 6-30-05-01 \\
                      --training-wish 6-18-02-04 --phone 13812345678
                  jcskills --as county-140524 registry register --idempotency-key reg-0001 --json …
                """,
            en: """
                The flags are the columns of persons.csv (`jcskills registry import`), with the same \
                vocabularies: slug, Chinese name or number. The registry checks the rest (ID number, \
                age 16–60 on the registration date, gender against the ID number, county, phone); \
                every refusal is one line naming the field, exit 1. A county office registers only \
                in its own county (PERMISSION_DENIED otherwise). A second registration of the ID \
                number is ALREADY_EXISTS with the existing card; the same command with the same \
                --idempotency-key answers as the first time and registers nobody twice.
                Examples:
                  jcskills registry register --id-number 140524199001011239 --name 王晓明 \\
                      --residence-county 140524 --category rural --key-groups rural_migrant_workers \\
                      --education senior_secondary --employment employed --occupation 6-30-05-01 \\
                      --training-wish 6-18-02-04 --phone 13812345678
                  jcskills --as county-140524 registry register --idempotency-key reg-0001 --json …
                """)
        public static let onlyFlagsGivenChangeDiscussion = Message(
            zh: """
                只修改给出的参数；取值同 persons.csv。--key-groups 替换整个列表（'' 清空）。\
                姓名、身份证号和性别不可修改；县（市、区）用 `registry move` 变更。县级账号只能修改本县人员\
                （否则为 PERMISSION_DENIED）；每次拒绝为一行并指明字段，退出码 1。\
                带同一 --idempotency-key 时答复与第一次相同，不会重复记入历史。
                示例：
                  jcskills registry update --id-number 140524199001011239 --employment unemployed --reason "laid off"
                  jcskills registry update --card JC14052400000001 --key-groups "poor_labour;disabled" --json
                """,
            en: """
                Only the flags given change; values as in persons.csv. --key-groups replaces the \
                list ('' clears it). Name, ID number and gender do not change; the county changes \
                by `registry move`. A county office updates only its own county's persons \
                (PERMISSION_DENIED otherwise); each refusal is one line naming the field, exit 1. \
                With the same --idempotency-key the command answers as the first time and adds \
                nothing to the history.
                Examples:
                  jcskills registry update --id-number 140524199001011239 --employment unemployed --reason "laid off"
                  jcskills registry update --card JC14052400000001 --key-groups "poor_labour;disabled" --json
                """)
        public static let changestatusActiveNewResidenceDiscussion = Message(
            zh: """
                以新的居住县（市、区）把状态改为在册（ChangeStatus）：卡号不变，迁移记入历史，\
                已迁出或已退出的人员重新在册。县级账号只能迁移本县人员（可迁往任何县）。\
                每次拒绝为一行并指明字段，退出码 1；同一 --idempotency-key 只写入一次。
                示例：
                  jcskills registry move --id-number 140524199001011239 --new-county 140525 --reason "moved to Zezhou"
                  jcskills --as county-140524 registry move --card JC14052400000001 --new-county 140502 --json
                """,
            en: """
                ChangeStatus to active with the new residence county: the card stays, the move is \
                in the history, and a person who had moved away or left is active again. A county \
                office moves only persons of its own county (to any county). Each refusal is one \
                line naming the field, exit 1; the same --idempotency-key writes once.
                Examples:
                  jcskills registry move --id-number 140524199001011239 --new-county 140525 --reason "moved to Zezhou"
                  jcskills --as county-140524 registry move --card JC14052400000001 --new-county 140502 --json
                """)
        public static let stateChangeNeverDeletionDiscussion = Message(
            zh: """
                只变更状态，从不删除：卡号和历史保留，此人不再计入。\
                --leaving-reason age|death|emigration 记录退出劳动力；--moved-away 记录迁出本市（`registry move` 可迁回）。\
                县级账号只能变更本县人员。每次拒绝为一行并指明字段，退出码 1；同一 --idempotency-key 只写入一次。
                示例：
                  jcskills registry leave --id-number 140524199001011239 --leaving-reason age
                  jcskills registry leave --card JC14052400000001 --moved-away --reason "moved to Taiyuan"
                """,
            en: """
                A state change, never a deletion: the card and its history stay, and the person no \
                longer counts. --leaving-reason age|death|emigration records leaving the labour \
                force; --moved-away records a move out of the city (`registry move` brings a person \
                back). A county office changes only its own county's persons. Each refusal is one \
                line naming the field, exit 1; the same --idempotency-key writes once.
                Examples:
                  jcskills registry leave --id-number 140524199001011239 --leaving-reason age
                  jcskills registry leave --card JC14052400000001 --moved-away --reason "moved to Taiyuan"
                """)
        public static let registryOfficeCountyOfficesDiscussion = Message(
            zh: """
                劳动力资源库办公室、县级账号和审计人员可查看（从不显示个人信息：历史中的手机号本身已脱敏）。
                示例：
                  jcskills registry history --id-number 140524199001011239
                  jcskills registry history --card JC14052400000001 --json
                """,
            en: """
                Registry office, county offices and auditors (personal data never shown: phones \
                are masked in the history itself).
                Examples:
                  jcskills registry history --id-number 140524199001011239
                  jcskills registry history --card JC14052400000001 --json
                """)
    }
}
