extension Messages.Evaluation {
    /// The help texts of `jcskills evaluation` and `jcskills cert` (Sources/CLI/Evaluation): abstracts, discussions, options.
    public enum Help {
        public static let countyCodeHelp = Message(zh: "县（市、区）代码。", en: "County code.")
        public static let highestLevelHoldersCertificatesHelp = Message(zh: "最高等级 1–5；0 仅指持无等级证书者。", en: "Highest level 1–5; 0 for holders of certificates without levels only.")
        public static let numberPersonsHelp = Message(zh: "人数。", en: "Number of persons.")
        public static let countyCodeAllHelp = Message(zh: "县（市、区）代码；0 表示全部。", en: "County code; 0 for all.")
        public static let dateStockWasMeasuredHelp = Message(zh: "存量的统计日期（yyyy-mm-dd）。", en: "The date the stock was measured (yyyy-mm-dd).")
        public static let declaredStockHoldersCertifiedAbstract = Message(zh: "申报的系统建立前持证人员存量（按县（市、区）和等级）。", en: "The declared stock of holders certified before the system (per county and level).")
        public static let declareSoManyPersonsAbstract = Message(zh: "申报某县（市、区）截至某日最高证书为某等级的人数。", en: "Declare so many persons in a county whose highest certificate is at a level, as of a date.")
        public static let showDeclaredBaselineHowAbstract = Message(zh: "显示申报的存量及其中已被导入认领的数量。", en: "Show the declared baseline and how much of it imports have claimed.")
        public static let declaringAgainReplacesNumberDiscussion = Message(
            zh: """
                再次申报即替换人数（同一申报做两次不会改变什么）。\
                之后通过导入的 pre_system 证书识别出的人员从存量中扣除，不会重复计数。仅限管理员或评价办公室；记入审计。
                """,
            en: """
                Declaring again replaces the number (the same declaration twice changes nothing). \
                Persons later identified by an imported pre_system certificate are taken out of it, \
                so nobody is counted twice. Admin or evaluation-office only; audited.
                """)
        public static let certificateNumberHelp = Message(zh: "证书编号。", en: "Certificate number.")
        public static let holderSNamePrintedHelp = Message(zh: "证书上印的持证人姓名。", en: "The holder's name as printed.")
        public static let outputFileDefaultStandardHelp = Message(zh: "输出文件；默认标准输出。", en: "Output file; default standard output.")
        public static let exportedCertificateHelp = Message(zh: "导出的证书文件。", en: "The exported certificate.")
        public static let citySPublicKeyHelp = Message(zh: "全市公钥（PEM）；默认 TLS 目录中的 city-signing.pub。", en: "The city's public key (PEM); default city-signing.pub in the TLS directory.")
        public static let oneCertificateLookUpAbstract = Message(zh: "单张证书：查询、显示、导出签名文件、离线核验导出的文件。", en: "One certificate: look it up, show it, export it signed, verify an exported file offline.")
        public static let checkCertificateNumberHolderAbstract = Message(zh: "按证书编号和持证人姓名核验证书：只给出状态。", en: "Check a certificate by number and holder name: its state, nothing else.")
        public static let showCertificateHolderMaskedAbstract = Message(zh: "显示一张证书（持证人脱敏）：评价机构人员、县级账号、审计人员可用。", en: "Show a certificate (holder masked): evaluation staff, county offices, auditors.")
        public static let exportCertificateSignedCityAbstract = Message(zh: "导出用全市密钥签名的证书（到标准输出或 --out）。", en: "Export a certificate signed with the city's key (to standard output or --out).")
        public static let verifyExportedCertificateOfflineAbstract = Message(zh: "用全市公钥离线核验导出的证书。", en: "Verify an exported certificate offline with the city's public key.")
        public static let jcskillsCertLookupJccDiscussion = Message(
            zh: """
                  jcskills cert lookup JCC202100000001 --name 王晓明     任何已认证身份均可：valid/expired/revoked/superseded/unknown
                  jcskills cert export JCC202100000001 > cert.txt       用全市密钥签名
                  jcskills cert verify cert.txt --public-key city-signing.pub   离线核验，无需服务
                """,
            en: """
                  jcskills cert lookup JCC202100000001 --name 王晓明     anyone identified: valid/expired/revoked/superseded/unknown
                  jcskills cert export JCC202100000001 > cert.txt       signed with the city's key
                  jcskills cert verify cert.txt --public-key city-signing.pub   offline, no service needed
                """)
        public static let wrongNameUnknownNumberDiscussion = Message(zh: "姓名不符和编号不存在都答复“unknown”。有效时退出码为 0，否则为 1。", en: "A wrong name and an unknown number both answer 'unknown'. Exit 0 when valid, 1 otherwise.")
        public static let fileListsSignedFieldsDiscussion = Message(
            zh: """
                文件逐行列出签名的字段（持证人全名、脱敏的身份证号、签名当日的状态）及 Ed25519 签名；\
                用 `jcskills cert verify FILE` 核验。仅限管理员或评价办公室；记入审计。
                """,
            en: """
                The file lists the signed fields one a line (the holder's name in full, the ID number \
                masked, the state on the day of signing) and the Ed25519 signature; check it with \
                `jcskills cert verify FILE`. Admin or evaluation-office only; audited.
                """)
        public static let rebuildsSignedFieldsFromDiscussion = Message(
            zh: """
                从文件重建签名字段并核验 Ed25519 签名。退出码 0：签名属于全市且签名字段未被改动\
                （文件给出的是签名当日的状态；今天的状态用 `cert lookup` 查询）。退出码 1：被篡改，或由其他密钥签名。\
                退出码 2：无法读取文件或密钥。
                """,
            en: """
                Rebuilds the signed fields from the file and checks the Ed25519 signature. Exit 0: \
                the signature is the city's and no signed field was changed (the file says the state \
                on the day it was signed; `cert lookup` gives today's). Exit 1: tampered, or signed \
                by another key. Exit 2: the file or key cannot be read.
                """)
        public static let printJsonFieldNamesHelp = Message(zh: "输出 JSON（字段名同协议）而不是一行文字。", en: "Print JSON (field names as in the protocol) instead of one line.")
        public static let vocationalQualificationSkillLevelHelp = Message(zh: "vocational_qualification、skill_level、special_ability、special_operations 或 special_equipment。", en: "vocational_qualification, skill_level, special_ability, special_operations or special_equipment.")
        public static let levelVocationalQualificationSkillHelp = Message(zh: "等级 5（初级工）… 1（高级技师）；仅职业资格证书和职业技能等级证书。", en: "Level 5 (初级工) … 1 (高级技师); vocational-qualification and skill-level certificates only.")
        public static let whyRequiredHelp = Message(zh: "原因（必填）。", en: "Why (required).")
        public static let issuingInstitutionSCodeHelp = Message(zh: "发证评价机构的代码。", en: "The issuing institution's code.")
        public static let occupationCodeHelp = Message(zh: "职业代码，如 6-18-02-04。", en: "Occupation code, e.g. 6-18-02-04.")
        public static let operationCategoryEquipmentItemHelp = Message(zh: "作业类别或设备项目；仅特种作业和特种设备。", en: "Operation category or equipment item; special operations and equipment only.")
        public static let holderSCharacterIdHelp = Message(zh: "持证人的 18 位身份证号。", en: "The holder's 18-character ID number.")
        public static let holderSEmployerCreditHelp = Message(zh: "持证人的用人单位（统一社会信用代码）；企业评价机构发证时必填。", en: "The holder's employer (credit code); required when an enterprise body issues.")
        public static let countyCertificateCountsDefaultHelp = Message(zh: "证书计入的县（市、区）；默认为评价机构所在地。", en: "County the certificate counts in; default the institution's.")
        public static let issueDateDefaultTodayHelp = Message(zh: "发证日期；默认今天（北京时间）。", en: "Issue date; default today (Beijing).")
        public static let issueOneCertificatePrintAbstract = Message(zh: "颁发一张证书并输出其编号。", en: "Issue one certificate and print its number.")
        public static let revokeOneCertificateSayingAbstract = Message(zh: "撤销一张证书并说明原因。", en: "Revoke one certificate, saying why.")
        public static let flagsAreColumnsCertificatesDiscussion = Message(
            zh: """
                参数即 certificates.csv 的各列（`jcskills evaluation import`），取值相同。\
                服务检查评价机构（备案有效，职业和等级在其备案范围内）、证书类别对应的等级或作业项目、持证人身份证号，\
                企业评价机构发证时还检查用人单位；同一职业较高等级的职业技能等级证书取代持证人较低等级的证书。\
                仅限评价机构人员（其他人为 PERMISSION_DENIED）。每次拒绝为一行并指明规则或字段，退出码 1。\
                带同一 --idempotency-key 再次运行同一命令，答复第一张证书，不会颁发第二张。
                示例：
                  jcskills evaluation issue --institution JC-SO-140524-1 --kind skill_level --occupation 6-18-02-04 \\
                      --level 4 --holder-id-number 140524199001011239 --holder-name 王晓明 --issued-on 2021-06-01
                  jcskills evaluation issue --institution JC-VC-140524 --kind skill_level --occupation 6-18-02-04 \\
                      --level 3 --holder-id-number 140524199001011239 --holder-name 王晓明 \\
                      --idempotency-key issue-0001 --json   # 带同一键再次运行：同一张证书
                """,
            en: """
                The flags are the columns of certificates.csv (`jcskills evaluation import`), with \
                the same vocabularies. The service checks the institution (active, the occupation \
                and level in its filed scope), the kind's level or operation, the holder's ID \
                number and, for an enterprise body, the employer; a higher skill-level certificate \
                supersedes the holder's lower ones in the occupation. Evaluation staff only \
                (PERMISSION_DENIED for others). Each refusal is one line naming the rule or the \
                field, exit 1. The same command with the same --idempotency-key answers with the \
                first certificate and never issues a second.
                Examples:
                  jcskills evaluation issue --institution JC-SO-140524-1 --kind skill_level --occupation 6-18-02-04 \\
                      --level 4 --holder-id-number 140524199001011239 --holder-name 王晓明 --issued-on 2021-06-01
                  jcskills evaluation issue --institution JC-VC-140524 --kind skill_level --occupation 6-18-02-04 \\
                      --level 3 --holder-id-number 140524199001011239 --holder-name 王晓明 \\
                      --idempotency-key issue-0001 --json   # run again with the key: the same certificate
                """)
        public static let certificateStopsCountingFromDiscussion = Message(
            zh: """
                证书自今天起不再计入（被它取代的较低等级证书重新计入）；原因记入审计。\
                仅限评价机构人员（其他人为 PERMISSION_DENIED）；编号不存在为 NOT_FOUND。每次拒绝为一行，退出码 1。\
                同一 --idempotency-key 只写入一次。
                示例：
                  jcskills evaluation revoke JCC202100000001 --reason "obtained by fraud"
                  jcskills evaluation revoke JCC202100000001 --reason "issued in error" --idempotency-key rev-0001 --json
                """,
            en: """
                The certificate stops counting from today (a lower one it had superseded counts \
                again); the reason is audited. Evaluation staff only (PERMISSION_DENIED for others); \
                an unknown number is NOT_FOUND. Each refusal is one line, exit 1. The same \
                --idempotency-key writes once.
                Examples:
                  jcskills evaluation revoke JCC202100000001 --reason "obtained by fraud"
                  jcskills evaluation revoke JCC202100000001 --reason "issued in error" --idempotency-key rev-0001 --json
                """)
        public static let rowsPerMessageMostHelp = Message(zh: "每条消息最多的行数（消息到 1 MiB 时也会结束）。", en: "Rows per message at most (a message also ends at 1 MiB).")
        public static let countyCodeCityWideHelp = Message(zh: "县（市、区）代码（全市性机构为 140500）；0 表示全部。", en: "County code (140500 for city-wide ones); 0 for all.")
        public static let enterpriseBodySocialOrganisationHelp = Message(zh: "enterprise_body、social_organisation、vocational_college 或 city_centre。", en: "enterprise_body, social_organisation, vocational_college or city_centre.")
        public static let printEachInstitutionSHelp = Message(zh: "同时输出每个机构的备案范围。", en: "Print each institution's scope too.")
        public static let countyCodeCityHelp = Message(zh: "县（市、区）代码；0 表示全市。", en: "County code; 0 for the city.")
        public static let yearNewSkilledWorkersHelp = Message(zh: "新增技能人才的年份；默认为统计日期所在年份。", en: "Year for new skilled workers; default the as-of date's year.")
        public static let holderSIdNumberHelp = Message(zh: "持证人的身份证号。", en: "The holder's ID number.")
        public static let evaluationServiceSAddressHelp = Message(zh: "技能评价服务的地址。", en: "The evaluation service's address.")
        public static let writeEveryRejectedRowHelp = Message(zh: "把每个被拒绝的行写入此 CSV 文件。", en: "Write every rejected row to this CSV file.")
        public static let dateYyyyMmDdHelp = Message(zh: "日期（yyyy-mm-dd）；默认今天。", en: "Date (yyyy-mm-dd); default today.")
        public static let skillEvaluationCentreInstitutionsAbstract = Message(zh: "技能评价中心：评价机构、历史证书、存量、统计、合规检查。", en: "The skill evaluation centre: institutions, historical certificates, baseline stock, counts, compliance.")
        public static let importHistoricalCertificatesFromAbstract = Message(zh: "从 CSV 文件导入历史证书（`jcskills demo-data evaluation` 的 certificates.csv 格式）。", en: "Import historical certificates from a CSV file (the certificates.csv layout of `jcskills demo-data evaluation`).")
        public static let registerUpdateInstitutionsInstitutionsAbstract = Message(zh: "登记（或更新）institutions.csv 中的评价机构。", en: "Register (or update) the institutions of an institutions.csv.")
        public static let listEvaluationInstitutionsTheirAbstract = Message(zh: "列出评价机构及其状态和备案范围。", en: "List evaluation institutions with their status and filed scope.")
        public static let skilledWorkersHighSkillAbstract = Message(zh: "截至某日的技能人才、高技能人才、新增技能人才和评价机构。", en: "Skilled workers, high-skill talents, new skilled workers and institutions, as of a date.")
        public static let enterprisesLeastMinimumStaffAbstract = Message(zh: "职工达到最低人数（300 人）却没有有效的企业评价机构的企业。", en: "Enterprises with at least the minimum staff (300) and no active evaluation body of their own.")
        public static let personSValidCertificatesAbstract = Message(zh: "一个人的有效证书，及其认可的等同证书和与工程技术职称的贯通。", en: "A person's valid certificates with their recognised equivalents and engineering-title bridges.")
        public static let certificatesOneOneExportDiscussion = Message(
            zh: """
                单张证书（导出、核验、查询）在 `jcskills cert` 下；颁发和撤销单张证书用 \
                `evaluation issue` 和 `evaluation revoke`。示例：
                  jcskills demo-data evaluation --out demo/
                  jcskills evaluation import-institutions demo/institutions.csv
                  jcskills evaluation import demo/certificates.csv
                  jcskills evaluation baseline declare --county 140524 --level 4 --persons 12000 --as-of 2019-12-31
                  jcskills evaluation counts --county 140524 --as-of 2021-12-31
                  jcskills evaluation compliance
                  jcskills evaluation issue --institution JC-SO-140524-1 --kind skill_level --occupation 6-18-02-04 --level 4 \\
                      --holder-id-number 140524199001011239 --holder-name 王晓明
                  jcskills evaluation revoke JCC202100000001 --reason "obtained by fraud"
                """,
            en: """
                Certificates one by one (export, verify, look up) are under `jcskills cert`; issuing \
                and revoking one are `evaluation issue` and `evaluation revoke`. Examples:
                  jcskills demo-data evaluation --out demo/
                  jcskills evaluation import-institutions demo/institutions.csv
                  jcskills evaluation import demo/certificates.csv
                  jcskills evaluation baseline declare --county 140524 --level 4 --persons 12000 --as-of 2019-12-31
                  jcskills evaluation counts --county 140524 --as-of 2021-12-31
                  jcskills evaluation compliance
                  jcskills evaluation issue --institution JC-SO-140524-1 --kind skill_level --occupation 6-18-02-04 --level 4 \\
                      --holder-id-number 140524199001011239 --holder-name 王晓明
                  jcskills evaluation revoke JCC202100000001 --reason "obtained by fraud"
                """)
        public static func columnsEachCertificateKeepsDiscussion(_ p1: String) -> Message {
            Message(
            zh: """
                列：\(p1)。\
                每张证书保留其印制编号，因此再次导入同一文件不会重复。其评价机构可能已关闭或从未在此登记：\
                按所给内容记录，不检查其备案范围和状态（证书已经存在）；评价机构不是已登记的县级机构时请给出县（市、区）。\
                pre_system=true 标记已计入申报存量的持证人：此后只通过证书计入一次（README，“Baseline stock”）。\
                每个错误行都报告其行号、列和原因。所有行都导入时退出码为 0，有行被拒绝时为 3。
                """,
            en: """
                Columns: \(p1). \
                Each certificate keeps its printed number, which makes importing the same file again \
                add nothing. Its institution may have closed or never been registered here: it is \
                recorded as given and its scope and status are not checked (the certificate exists \
                already); give the county when the institution is not a registered county \
                institution. pre_system=true marks a holder a declared baseline already counts: \
                they then count once, through the certificate (README, "Baseline stock"). Every bad \
                row is reported with its line, column and reason. Exit 0 when every row went in, 3 \
                when some were rejected.
                """)
        }
        public static func columnsScopeOccupationLevelsDiscussion(_ p1: String) -> Message {
            Message(
            zh: """
                列：\(p1)；备案范围写作 \
                职业:等级;…，如 6-18-02-04:5/4/3;6-30-05-01:（等级列表为空表示备案无等级证书的职业）。\
                企业评价机构要向劳动力资源库核实（职工 ≥ 300 人）：请先导入劳动力资源库的企业。\
                有行被拒绝时退出码为 3（每行给出其规则）。
                """,
            en: """
                Columns: \(p1); scope as \
                occupation:levels;… e.g. 6-18-02-04:5/4/3;6-30-05-01: (an empty level list files the \
                occupation for certificates without levels). An enterprise body is checked with the \
                registry (≥ 300 staff): import the registry's enterprises first. Exit 3 when some \
                rows were refused (each with its rule).
                """)
        }
        public static let skilledWorkersAreDistinctDiscussion = Message(
            zh: """
                技能人才是截至该日持有效证书的不同人员，加上申报存量中未通过证书计入的人员；\
                高技能人才同样计算三级至一级。新增技能人才：在 --year 年首次取证。
                """,
            en: """
                Skilled workers are distinct persons with a valid certificate on the date, plus the \
                declared baseline's persons not also counted through a certificate; high-skill \
                talents the same for levels 3–1. New skilled workers: first certificate in --year.
                """)
        public static let vocationalQualificationCertificateCountsDiscussion = Message(zh: "职业资格证书按同等级的职业技能等级证书计；高级工 ↔ 助理工程师，技师 ↔ 工程师，高级技师 ↔ 高级工程师。", en: "A vocational-qualification certificate counts as a skill-level certificate of the same level; 高级工 ↔ 助理工程师, 技师 ↔ 工程师, 高级技师 ↔ 高级工程师.")
    }
}
