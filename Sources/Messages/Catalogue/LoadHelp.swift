extension Messages.Load {
    /// The help texts of `jcskills-load` (Sources/Load): abstracts, discussions, options.
    public enum Help {
        public static let printSummaryJsonProgressHelp = Message(zh: "以 JSON 输出摘要；进度行每 10 秒一次，输出到标准错误。", en: "Print the summary as JSON; progress lines only every 10 s, on stderr.")
        public static let abusiveConnectionsHeldOnceHelp = Message(zh: "同时保持的滥用连接数。", en: "Abusive connections held at once.")
        public static let whichKindsSpreadRoundHelp = Message(zh: "哪些类型（轮流分配）：slow-reader、ping-flood、partial-frame、unfinished、idle-stream，或 all。", en: "Which kinds, spread round-robin: slow-reader, ping-flood, partial-frame, unfinished, idle-stream, or all.")
        public static let secondsRunHelp = Message(zh: "运行秒数。", en: "Seconds to run.")
        public static let slowReaderPayloadBytesHelp = Message(zh: "慢读者：每个 Expand 请求（即每个响应）的负载字节数。", en: "Slow reader: payload bytes of each Expand request, so of each response.")
        public static let slowReaderFlowControlHelp = Message(zh: "慢读者：为响应通告的流量控制窗口。", en: "Slow reader: the flow-control window it advertises for responses.")
        public static let eventLoopThreadsAbusersHelp = Message(zh: "滥用者套接字的事件循环线程数。", en: "Event-loop threads for the abusers' sockets.")
        public static let abusiveClientsValidCertificateAbstract = Message(zh: "持有效证书的滥用客户端：服务端的各项限制必须经得起的情形。", en: "Abusive clients with a valid certificate: what the server's limits must hold against.")
        public static let eachConnectionOneTheseDiscussion = Message(
            zh: """
                每个连接是以下类型之一（轮流分配）：
                  slow-reader    调用 Expand（jcskills.Echo），次数巨大、负载很大，
                                 直到流数上限，然后再也不读套接字
                  ping-flood     发送 PING，每次写 64 KiB，从不读确认
                  partial-frame  一个声称 60 KiB 的 MESSAGE 帧头，然后每 10 ms 发送 16 字节负载，
                                 永不完成（每次读取都停在帧中间）；然后
                                 换一个新连接
                  unfinished     客户端流式调用直到流数上限，永远每 10 ms 喂一个 16 KiB 的
                                 MORE 片段；服务端结束的调用会被
                                 替换
                  idle-stream    只发 HEADERS，不带截止时间，别的什么都不发，直到流数上限，
                                 各种调用形态；服务端结束的调用会被替换
                服务端关闭或拒绝的连接被计数（按类型和其 GOAWAY），
                250 ms 后重新打开。运行在 --duration 后自行停止，
                并输出服务端对每种类型的处理。Echo 只对 admin 开放：请以
                admin（默认）运行。与正常负载并行运行，可看出滥用给
                其他调用方带来的代价（Benchmarks/soak.sh）。仅限本机回环或你自己运行的服务。
                示例：
                  jcskills-load abuse --service registry --connections 100 --duration 60
                """,
            en: """
                Each connection is one of these kinds (given out round-robin):
                  slow-reader    Expand calls (jcskills.Echo) for huge counts and large payloads,
                                 up to the stream limit, then never reads the socket
                  ping-flood     PINGs, 64 KiB a write, never reading the acks
                  partial-frame  a MESSAGE header announcing 60 KiB, then the payload 16 bytes
                                 every 10 ms, never completed (every read ends mid-frame); then
                                 a fresh connection
                  unfinished     client-streaming calls up to the stream limit, fed 16 KiB MORE
                                 fragments (one every 10 ms) forever; a call the server ends is
                                 replaced
                  idle-stream    HEADERS without deadline and nothing else, up to the stream limit,
                                 every call shape; a call the server ends is replaced
                A connection the server closes or refuses is counted (by kind and by its GOAWAY)
                and opened again after 250 ms. The run stops by itself after --duration and
                prints what the server did to each kind. Echo is open to admin only: run as
                admin (the default). Run it beside a normal workload to see what abuse costs
                the other callers (Benchmarks/soak.sh). Loopback or a service you run only.
                Example:
                  jcskills-load abuse --service registry --connections 100 --duration 60
                """)
        public static let iterationsEachEncodeDecodeHelp = Message(zh: "编码和解码各自的迭代次数。", en: "Iterations of each of encode and decode.")
        public static let printJsonHelp = Message(zh: "输出 JSON。", en: "Print JSON.")
        public static let encodeDecodeLabourRegistrationAbstract = Message(zh: "编码和解码 docs/ANCHORS.md 中的劳动力登记记录（120 字节）；每次操作的纳秒数。", en: "Encode and decode the labour-registration record of docs/ANCHORS.md (120 bytes); ns per operation.")
        public static let comparisonSwiftProtobufRunDiscussion = Message(zh: "与 swift-protobuf 比较，请运行 Benchmarks/run.sh。", en: "For the comparison with swift-protobuf, run Benchmarks/run.sh.")
        public static let baselineReportJcskillsLoadHelp = Message(zh: "基准报告（jcskills-load … --json）。", en: "The baseline report (jcskills-load … --json).")
        public static let reportComparedHelp = Message(zh: "与之比较的报告。", en: "The report compared with it.")
        public static let twoRunsJsonReportsAbstract = Message(zh: "两次运行的 --json 报告并排显示，并给出每个指标的比值 B ÷ A。", en: "Two runs' --json reports side by side, with the ratio B ÷ A of each figure.")
        public static let aboveMeansBHigherDiscussion = Message(
            zh: """
                大于 1× 表示 B 更高：吞吐量越高越好，延迟和错误越高越差。
                示例：jcskills-load compare before.json after.json
                """,
            en: """
                Above 1× means B is higher: better for throughput, worse for latency and errors.
                Example: jcskills-load compare before.json after.json
                """)
        public static let nameTechnicalExpertsButHelp = Message(zh: "授予技术能手但不晋升任何人（无需技能评价服务）。", en: "Name technical experts but promote nobody (no evaluation service needed).")
        public static let personsCompetingEachOneHelp = Message(zh: "参赛人数，每人参加一个项目。", en: "Persons competing, each in one event.")
        public static let eventsOccupationsThreeJudgesHelp = Message(zh: "比赛项目（职业）数，每个三名裁判；最多 999。", en: "Events (occupations), three judges each; at most 999.")
        public static let competitorsPerMarkSheetHelp = Message(zh: "每张评分表的选手数（一次裁判 SubmitMarks 调用）。", en: "Competitors per mark sheet (a judge's SubmitMarks call).")
        public static let eventsMarkedSameTimeHelp = Message(zh: "同时评分的项目数。默认：全部。", en: "Events marked at the same time. Default: all.")
        public static let whoCompetesWorkersRegisteredHelp = Message(zh: "谁参赛：workers（通过劳动力资源库导入登记；每次报名都向其确认）或 students（学校和县（市、区）；不经劳动力资源库）。", en: "Who competes: workers (registered through the registry's import; each entry confirmed with it) or students (school and county; no registry).")
        public static let registryWorkersAreImportedHelp = Message(zh: "职工导入的劳动力资源库，竞赛服务也向它确认选手。", en: "The registry the workers are imported into and the competition service confirms them with.")
        public static let evaluationServiceIssuesWinnersHelp = Message(zh: "为获奖者颁发晋升证书的技能评价服务。", en: "The evaluation service that issues the winners' promotions.")
        public static let annualCityCompetitionPlayedAbstract = Message(zh: "完整走一遍全市年度竞赛：裁判评分表、截止、成绩；然后是 Results 和 Counts。", en: "The annual city competition played through: judges' mark sheets, closing, results; then Results and Counts.")
        public static let twoTimedPhasesReportedDiscussion = Message(
            zh: """
                两个计时阶段，分别报告，然后是一个测量的混合负载。

                准备：裁判身份（每个项目三名：judge-LOAD-E01-1 …）缺少时签发到 --tls 目录，
                与 `jcskills pki init --extra` 的签发方式相同（需要其 ca.key；留给以后的运行）；
                职工导入 --registry 的劳动力资源库（--group workers）；
                在 --evaluation 登记一个评价机构用于获奖者晋升（除非 --no-promotions）；
                竞赛 LOAD-<随机>、其 --events 个项目和 --participants 个报名（ImportEntries）。

                端到端：所有项目同时进行（--events-at-once），每个项目的三名裁判
                各用自己的连接和身份提交每张 --sheet-entries 名选手的 SubmitMarks 评分表
                （评价项三人都评，测量项由第一人评），然后 CloseEvent 并流式传出成绩。
                报告：到最后一条成绩的时间、每秒评分数，以及 SubmitMarks、CloseEvent 和
                Results 的延迟（p50/p99）。

                混合负载（--duration 或 --requests、--concurrency、--mix）：results=50
                （一个项目的 Results，流式传出，每隔一次计算标准分）和 counts=50
                （Counts，全市和各县（市、区）轮流），每个操作的延迟同其他负载。

                每个项目前三名授予技术能手，有技能评价服务时在后台晋升一级；
                报告给出运行后的本年统计。--as 需要竞赛办公室的权限（admin），
                workers 还需要劳动力资源库的写权限：劳动力资源库和技能评价服务以同一身份调用。
                写入的内容会保留：请指向测试或本地服务。--json 输出 {"scenario": …, "mix": …}；
                mix 即 `jcskills-load compare` 读取的报告。默认地址 127.0.0.1:7104。
                示例：
                  jcskills-load competition
                  jcskills-load competition --participants 600 --events 6 --json
                  jcskills-load competition --group students --no-promotions
                """,
            en: """
                Two timed phases, reported apart, then a measured mix.

                Setup: the judges' identities (three per event: judge-LOAD-E01-1 …)
                issued into the --tls directory when missing, as `jcskills pki init
                --extra` issues them (needs its ca.key; kept for later runs); the
                workers imported into the registry at --registry (--group workers);
                an institution registered at --evaluation for the winners'
                promotions (unless --no-promotions); the competition LOAD-<random>,
                its --events events and --participants entries (ImportEntries).

                End to end: every event at once (--events-at-once), its three
                judges each on their own connection under their own identity
                submitting SubmitMarks sheets of --sheet-entries competitors (the
                judgements by all three, the measurements by the first), then
                CloseEvent and the results streamed. Reported: the time until the
                last result, marks per second, and the SubmitMarks, CloseEvent and
                Results latencies (p50/p99).

                The mix (--duration or --requests, --concurrency, --mix): results=50
                (Results of an event, streamed, every other standardised) and
                counts=50 (Counts, the city and the counties in turn), latencies per
                operation as in every workload.

                The top three of every event are named technical experts and, with
                an evaluation service, promoted one level in the background; the
                report gives the year's counts after the run. --as needs the
                competition office's rights (admin) and, for workers, registry write
                access: the registry and the evaluation service are called as the
                same identity. What it writes stays: point this at a test or local
                set. --json prints {"scenario": …, "mix": …}; the mix is the report
                `jcskills-load compare` reads. Default endpoint 127.0.0.1:7104.
                Examples:
                  jcskills-load competition
                  jcskills-load competition --participants 600 --events 6 --json
                  jcskills-load competition --group students --no-promotions
                """)
        public static let payloadBytesPerRequestHelp = Message(zh: "每个请求和响应的负载字节数。", en: "Payload bytes per request and response.")
        public static let unaryEchoCallsFixedAbstract = Message(zh: "固定负载的一元 echo 调用：协议本身的开销，可对任何服务。", en: "Unary echo calls with a fixed payload: the protocol's own cost, against any service.")
        public static let everyServiceAnswersJcskillsDiscussion = Message(
            zh: """
                每个服务都为 admin 身份应答 jcskills.Echo。
                示例：
                  jcskills-load echo --concurrency 64 --duration 10
                  jcskills-load echo --service evaluation --rate 20000 --duration 30 --json > open.json
                """,
            en: """
                Every service answers jcskills.Echo for the admin identity.
                Examples:
                  jcskills-load echo --concurrency 64 --duration 10
                  jcskills-load echo --service evaluation --rate 20000 --duration 30 --json > open.json
                """)
        public static let certificatesIssuedBeforeRunHelp = Message(zh: "运行前颁发、供核验的证书数。", en: "Certificates issued before the run for verifications to check.")
        public static let evaluationServiceSMixAbstract = Message(zh: "技能评价服务的混合负载：核验、向新持证人颁证、统计。", en: "The evaluation service's mix: verifications, issuance to fresh holders, counts.")
        public static let operationsDefaultWeightsMixDiscussion = Message(
            zh: """
                操作及默认权重（--mix）：verify=70（核验一张已颁发证书的 VerifyCertificate）、
                issue=20（IssueCertificate，三级，每次一个新的有效持证人）、counts=10（Counts，全市和各县（市、区）轮流）。
                预热前登记一个自己的评价机构（LOAD-<随机>）并颁发 --fixtures 张证书供核验。
                颁发的证书会保留：请指向测试或本地服务。默认地址 127.0.0.1:7103。示例：
                  jcskills-load evaluation --duration 10 --concurrency 64
                """,
            en: """
                Operations and default weights (--mix): verify=70 (VerifyCertificate of an issued
                certificate), issue=20 (IssueCertificate, skill level 3, a new valid holder each
                call), counts=10 (Counts, city and counties in turn). Before the warm-up it
                registers an institution of its own (LOAD-<random>) and issues --fixtures
                certificates to verify. What it issues stays: point this at a test or local
                service. Default endpoint 127.0.0.1:7103. Example:
                  jcskills-load evaluation --duration 10 --concurrency 64
                """)
        public static let letGatewayAnswerFromHelp = Message(zh: "允许网关用短时缓存应答（测的是缓存，不是向各数据源的分发）。", en: "Let the gateway answer from its short cache (measures the cache, not the fan-out).")
        public static let gatewaySMixTotalsAbstract = Message(zh: "网关的混合负载：全市、某县（市、区）和所有县（市、区）的 Totals。", en: "The gateway's mix: Totals for the city, a county, and every county.")
        public static let operationsDefaultWeightsCityDiscussion = Message(
            zh: """
                操作及默认权重：city 80、county 15（六个县（市、区）轮流）、all-counties 5
                （全市加分县明细：向每个数据源问七个问题）。除非给出 --cached，每次调用都重新询问各数据源。
                部分应答（某数据源超时）计为错误（DEADLINE_EXCEEDED），第一次应答即为部分应答时拒绝开始运行。
                默认地址 127.0.0.1:7100。示例：
                  jcskills-load gateway --duration 10 --concurrency 64
                """,
            en: """
                Operations and default weights: city 80, county 15 (the six counties in turn),
                all-counties 5 (the city plus a breakdown: seven questions to each source). Every
                call asks the sources afresh unless --cached is given. A partial answer (a source
                missed its deadline) counts as an error (DEADLINE_EXCEEDED), and the run refuses to
                start when the first answer is partial. Default endpoint 127.0.0.1:7100. Example:
                  jcskills-load gateway --duration 10 --concurrency 64
                """)
        public static let healthChecksJcskillsHealthAbstract = Message(zh: "健康检查（jcskills.Health/Check）：任何已认证对端都能发起的最轻的调用。", en: "Health checks (jcskills.Health/Check): the cheapest call any authenticated peer may make.")
        public static let exampleJcskillsLoadHealthDiscussion = Message(zh: "示例：jcskills-load health --service gateway --as registry --duration 5", en: "Example: jcskills-load health --service gateway --as registry --duration 5")
        public static let loadTestJcskillsServiceAbstract = Message(zh: "通过真实协议和双向 TLS 对 JCSkills 服务做负载测试；测量编解码和存储。", en: "Load-test a JCSkills service over the real protocol and mutual TLS; measure the codec and the store.")
        public static let workloadsCallServiceOptionsDiscussion = Message(
            zh: """
                调用服务的负载（选项见 jcskills-load echo --help）：
                  registry    查询、新登记、统计（--mix）
                  evaluation  核验、向新持证人颁证、统计
                  training    经劳动力资源库核实的报名、结果、统计数据；班级名单
                  competition 全市年度竞赛：裁判评分表、截止、成绩
                              （端到端，每秒评分数），然后是 Results 和 Counts
                  gateway     全市、某县（市、区）、所有县（市、区）的 Totals（不用缓存）
                  echo        一元 echo，固定负载，任何服务（admin 身份）
                  health      标准健康检查，任何服务

                其他子命令：
                  codec    docs/ANCHORS.md 记录的编码/解码，每次操作的纳秒数
                  store    存储的批量插入基准，每秒行数
                  compare  两份 --json 报告并排，比值 B ÷ A

                每次运行都会自行停止（--duration 或 --requests）。无法连接的服务
                约两秒内报告为 UNAVAILABLE。

                退出码：0 所有调用都成功；1 有调用失败；2 无法开始运行
                （TLS 文件、负载准备）；64 用法错误。
                仅限本机回环或你指定的地址：绝不对你未运行的主机使用。

                语言：默认中文；--lang en（或 JCSKILLS_LANG=en，或英文区域设置）改为英文。
                """,
            en: """
                Workloads that call a service (options: jcskills-load echo --help):
                  registry    look-ups, fresh registrations, statistics (--mix)
                  evaluation  verifications, issuance to fresh holders, counts
                  training    enrolments checked with the registry, results, figures; class lists
                  competition the annual city competition: judges' mark sheets, closing, results
                              (end to end, marks/s), then Results and Counts
                  gateway     Totals for the city, a county, every county (no cache)
                  echo        unary echo, fixed payload, any service (admin identity)
                  health      the standard health check, any service

                Other subcommands:
                  codec    encode/decode of the docs/ANCHORS.md record, ns per operation
                  store    the store's bulk-insert benchmark, rows per second
                  compare  two --json reports side by side, ratio B ÷ A

                Every run stops by itself (--duration or --requests). A service
                that cannot be reached is reported as UNAVAILABLE within about
                two seconds.

                Exit status: 0 every call succeeded; 1 a call failed; 2 the run
                could not start (TLS files, workload setup); 64 usage error.
                Loopback or an endpoint you name only: never a host you do not run.

                Language: Chinese by default; --lang en (or JCSKILLS_LANG=en, or an English locale) for English.
                """)
        public static let personsRegisteredBeforeRunHelp = Message(zh: "运行前登记、供查询的人数。", en: "Persons registered before the run for look-ups to find.")
        public static let registrySMixLookAbstract = Message(zh: "劳动力资源库的混合负载：查询、新生成人员的登记、统计。", en: "The registry's mix: look-ups, registrations of fresh generated persons, statistics.")
        public static let operationsDefaultWeightsLookupDiscussion = Message(
            zh: """
                操作及默认权重：lookup 70（GetPerson）、register 20（RegisterPerson，
                每次一个新的有效人员）、aggregate 10（Statistics，全市和各县（市、区）轮流）、
                verify 0（VerifyPerson）。预热前登记 --fixtures 个人员供查询。
                登记的人员会留在劳动力资源库中：请指向测试或本地的劳动力资源库，不要指向存有真实档案的。
                默认地址 127.0.0.1:7101。示例：
                  jcskills-load registry --duration 10 --concurrency 64
                  jcskills-load registry --mix lookup=50,register=40,aggregate=10 --rate 2000
                """,
            en: """
                Operations and default weights: lookup 70 (GetPerson), register 20 (RegisterPerson,
                a new valid person each call), aggregate 10 (Statistics, city and counties in
                turn), verify 0 (VerifyPerson). Before the warm-up, --fixtures persons are
                registered for look-ups to find. Registrations stay in the registry: point this
                at a test or local registry, not one holding real records.
                Default endpoint 127.0.0.1:7101. Example:
                  jcskills-load registry --duration 10 --concurrency 64
                  jcskills-load registry --mix lookup=50,register=40,aggregate=10 --rate 2000
                """)
        public static let rowsInsertHelp = Message(zh: "要插入的行数。", en: "Rows to insert.")
        public static let rowsPerTransactionHelp = Message(zh: "每个事务的行数。", en: "Rows per transaction.")
        public static let rowsPerInsertStatementHelp = Message(zh: "每条 INSERT 语句的行数。", en: "Rows per INSERT statement.")
        public static let batchesFlightOnceHelp = Message(zh: "同时进行的批数。", en: "Batches in flight at once.")
        public static let scratchPostgresqlDatabaseInsteadHelp = Message(zh: "一个临时用的 PostgreSQL 数据库，代替 SQLite。", en: "A scratch PostgreSQL database instead of SQLite.")
        public static let storeSBulkInsertAbstract = Message(zh: "存储的批量插入基准：加密、盲索引的人员行，分批写入并审计；每秒行数。", en: "The store's bulk-insert benchmark: sealed, blind-indexed person rows in audited batches; rows per second.")
        public static let defaultTemporarySqliteFileDiscussion = Message(
            zh: """
                默认使用临时 SQLite 文件，结束后删除。给出 --database 时使用该 PostgreSQL 数据库：
                其 bench_persons 表会被删除并重建，因此请指定一个临时数据库。示例：jcskills-load store --rows 1000000 --batch 20000
                """,
            en: """
                By default on a temporary SQLite file, removed afterwards. With --database, on that
                PostgreSQL database: its bench_persons table is dropped and re-created, so name a
                scratch database. Example: jcskills-load store --rows 1000000 --batch 20000
                """)
        public static let printReportJsonJcskillsHelp = Message(zh: "以 JSON 输出报告（供 `jcskills-load compare` 使用）；不显示进度行。", en: "Print the report as JSON (for `jcskills-load compare`); no progress line.")
        public static let serviceAddressDefaultPortHelp = Message(zh: "服务地址；同一服务的几个副本写作 host:port,host:port，调用分摊到各副本。默认：127.0.0.1 和 --service（或负载自身服务）的端口。", en: "Service address; replicas of one service as host:port,host:port, the calls spread over them. Default: 127.0.0.1 and the port of --service (or of the workload's own service).")
        public static let echoHealthAbuseWhichHelp = Message(zh: "用于 echo、health 和 abuse：未给出 --endpoint 时调用哪个本地服务：gateway（7100）、registry（7101）、training（7102）、evaluation（7103）、competition（7104）。", en: "For echo, health and abuse: which local service to call when --endpoint is not given: gateway (7100), registry (7101), training (7102), evaluation (7103), competition (7104).")
        public static let directoryCaCrtIdHelp = Message(zh: "含 ca.crt 和 <id>.crt/.key 的目录。环境变量 JCSKILLS_TLS；默认 .jcskills/pki。", en: "Directory with ca.crt and <id>.crt/.key. Env JCSKILLS_TLS; default .jcskills/pki.")
        public static let identityPresentEnvJcskillsHelp = Message(zh: "出示的身份。环境变量 JCSKILLS_AS；默认 admin。", en: "Identity to present. Env JCSKILLS_AS; default admin.")
        public static let callsOutstandingOnceCallersHelp = Message(zh: "同时未完成的调用数：闭环的调用方数，开环中同时在途的上限。", en: "Calls outstanding at once: the callers of a closed loop, the most in flight in an open loop.")
        public static let openLoopCallsPerHelp = Message(zh: "开环：按固定时间表每秒的调用数，延迟从每次调用应发出之时计（校正协同遗漏）。不给出则为闭环。", en: "Open loop: calls per second on a fixed schedule, latency counted from when each call was due (corrects coordinated omission). Without it: closed loop.")
        public static let connectionsOneClientEachHelp = Message(zh: "分摊调用方的连接数（每个一个客户端）。", en: "Connections (one client each) to spread the callers over.")
        public static let eventLoopThreadsClientsHelp = Message(zh: "客户端的事件循环线程数。", en: "Event-loop threads for the clients.")
        public static let secondsMeasureAfterWarmHelp = Message(zh: "预热后测量的秒数。未给出 --requests 时默认 10；两者都给出时以先到者为准。", en: "Seconds to measure after the warm-up. Default 10 unless --requests is given; with both, whichever ends first.")
        public static let stopAfterManyMeasuredHelp = Message(zh: "测量这么多次调用后停止（开环：按计划的调用）。", en: "Stop after this many measured calls (open loop: scheduled calls).")
        public static let secondsUnmeasuredWarmUpHelp = Message(zh: "同等负载下不计入测量的预热秒数（其失败仍计数）。", en: "Seconds of unmeasured warm-up at the same load (its failures are still counted).")
        public static let deadlineEachCallSecondsHelp = Message(zh: "每次调用的截止时间，单位秒。", en: "Deadline of each call, in seconds.")
        public static let proportionsWorkloadSOperationsHelp = Message(zh: "负载各操作的比例，如 lookup=70,register=20,aggregate=10。", en: "Proportions of the workload's operations, e.g. lookup=70,register=20,aggregate=10.")
        public static let registryTrainingServiceChecksHelp = Message(zh: "职业培训服务核实人员所用的劳动力资源库。", en: "The registry the training service checks persons with.")
        public static let personsImportedIntoRegistryHelp = Message(zh: "运行前导入劳动力资源库的人数；报名按课程逐一循环使用他们。", en: "Persons imported into the registry before the run; enrolments cycle through them course by course.")
        public static let rowsPerClassListHelp = Message(zh: "`list` 操作每份班级名单的行数。", en: "Rows per class list of the `list` operation.")
        public static let trainingServiceSMixAbstract = Message(zh: "职业培训服务的混合负载：经劳动力资源库核实的报名、结果、本年统计数据。", en: "The training service's mix: enrolments checked with the registry, results, the year's figures.")
        public static let operationsDefaultWeightsMixDiscussion2 = Message(
            zh: """
                操作及默认权重（--mix）：enrol=60（Enrol：一名生成的人员报名一天的课程；培训服务每次都询问劳动力资源库）、
                result=30（为最近的报名 RecordResult）、indicators=10（本年的 Indicators，全市和各县（市、区）轮流）、
                counts=0（Counts，同网关读取的）、list=0（ImportEnrolments：每次调用一份 --list-size 人的班级名单，
                每份名单只询问劳动力资源库一次）。预热前把 --persons 个生成的人员导入 --registry 的劳动力资源库
                （以同一身份，需要劳动力资源库写权限：admin），并登记 300 门自己的课程（LOAD-<随机>-…）。
                写入的内容会保留：请指向测试或本地服务。默认地址 127.0.0.1:7102。示例：
                  jcskills-load training --duration 10 --concurrency 64
                  jcskills-load training --mix list=1 --requests 400 --concurrency 4 --persons 200000
                """,
            en: """
                Operations and default weights (--mix): enrol=60 (Enrol: a generated person into a
                one-day course; the training service asks the registry for each), result=30
                (RecordResult for a recent enrolment), indicators=10 (Indicators of this year, city
                and counties in turn), counts=0 (Counts, as the gateway reads them), list=0
                (ImportEnrolments: a class list of --list-size persons per call, the registry asked
                once per list). Before the warm-up it imports --persons generated persons into the
                registry at --registry (as the same identity, which needs registry write access:
                admin) and registers 300 courses of its own (LOAD-<random>-…). What it writes stays:
                point this at a test or local set. Default endpoint 127.0.0.1:7102. Examples:
                  jcskills-load training --duration 10 --concurrency 64
                  jcskills-load training --mix list=1 --requests 400 --concurrency 4 --persons 200000
                """)
    }
}
