extension Messages {
    /// `jcskills backup` and `jcskills restore` (Sources/CLI/Operations/, Sources/ServiceKit/Operations/).
    public enum Operations {
        public static let backupAbstract = Message(
            zh: "备份一个服务的数据（服务运行时也可进行），连同读取加密字段所需的密钥。",
            en: "Back up a service's data (also while it runs), with the keys needed to read its sealed fields.")
        public static let backupDiscussion = Message(
            zh: """
                SQLite（默认存储）：通过 SQLite 在线备份接口复制数据库，复制的是开始那一刻的一致快照；\
                服务继续写入，不受影响。PostgreSQL（--database 或配置文件中的 database）：运行 \
                pg_dump --format=custom（需安装 postgresql-client）。

                --out 目录（新建，权限 0700）中写入：manifest.json（服务、时间、校验和、密钥指纹）、\
                数据库副本（<服务>.sqlite 或 <服务>.pgdump），以及 sealing.keys（权限 0600）。没有 \
                sealing.keys 就无法读出副本中的姓名、身份证号和电话；若按规定将密钥与数据分开保管，\
                用 --no-keys 省略，恢复时用 --keys 提供。

                数据目录和数据库取自 --config 指定的服务配置文件，或 --data / --database，\
                与服务本身的读取方式相同。

                例：jcskills backup registry --config /etc/jcskills/registry.yaml --out /var/backups/jcskills/registry-$(date +%F)
                """,
            en: """
                SQLite (the default store): the database is copied through SQLite's online backup API, \
                a consistent snapshot of the moment the copy starts; the service goes on writing. \
                PostgreSQL (--database, or database in the config file): runs pg_dump --format=custom \
                (postgresql-client must be installed).

                The --out directory (created, mode 0700) receives manifest.json (service, time, \
                checksum, key fingerprint), the database copy (<service>.sqlite or <service>.pgdump) and \
                sealing.keys (mode 0600). Without sealing.keys no name, ID number or phone in the copy \
                can be read; sites that keep keys apart from data leave it out with --no-keys and give \
                it to the restore with --keys.

                The data directory and database come from the service's config file (--config) or from \
                --data / --database, read as the service itself reads them.

                Example: jcskills backup registry --config /etc/jcskills/registry.yaml --out /var/backups/jcskills/registry-$(date +%F)
                """)
        public static let restoreAbstract = Message(
            zh: "从 jcskills backup 的备份目录恢复一个服务的数据；先校验，再写入。",
            en: "Restore a service's data from a jcskills backup directory; verified before anything is written.")
        public static let restoreDiscussion = Message(
            zh: """
                先校验备份：清单、校验和、副本自身的检查（SQLite 的 PRAGMA integrity_check；\
                pg_restore --list），以及密钥指纹与数据写入时所用的一致。任何一项不符都不会改动任何东西。

                服务正在运行（有进程打开该数据库，或有会话连接该 PostgreSQL 数据库）时一律拒绝：\
                先停止服务。目标已有数据时，只有加 --force 才覆盖。被替换的密钥文件保留为 \
                sealing.keys.replaced-<时间>，从不删除。PostgreSQL：运行 pg_restore --clean --if-exists \
                --single-transaction，失败时数据库保持原样。

                --verify-only 只校验，不写入。

                例：jcskills restore registry --config /etc/jcskills/registry.yaml --from /var/backups/jcskills/registry-2025-01-31
                """,
            en: """
                The backup is verified first: manifest, checksum, the copy's own check (SQLite's PRAGMA \
                integrity_check; pg_restore --list), and the key file's fingerprint against the one the \
                data was written with. If anything does not match, nothing is changed.

                A running service (a process with the database open, or a session connected to the \
                PostgreSQL database) is always refused: stop it first. A store that already holds data \
                is overwritten only with --force. A replaced key file is kept as \
                sealing.keys.replaced-<time>, never deleted. PostgreSQL: runs pg_restore --clean \
                --if-exists --single-transaction, which leaves the database as it was if it fails.

                --verify-only checks and writes nothing.

                Example: jcskills restore registry --config /etc/jcskills/registry.yaml --from /var/backups/jcskills/registry-2025-01-31
                """)
        public static let serviceHelp = Message(
            zh: "服务：registry、training、evaluation、competition 或 gateway。",
            en: "The service: registry, training, evaluation, competition or gateway.")
        public static let configHelp = Message(
            zh: "服务的 YAML 配置文件（取其中的 data 和 database）。", en: "The service's YAML config file (its data and database are used).")
        public static let dataHelp = Message(
            zh: "服务的数据目录（SQLite 数据库和 sealing.keys）。默认 .jcskills/data/<服务>。",
            en: "The service's data directory (SQLite database and sealing.keys). Default .jcskills/data/<service>.")
        public static let databaseHelp = Message(
            zh: "PostgreSQL 地址 postgres://…，代替数据目录中的 SQLite。默认取 $JCSKILLS_DATABASE_URL，与服务相同。", en: "A PostgreSQL URL postgres://… instead of the SQLite database in the data directory. Default $JCSKILLS_DATABASE_URL, as the service reads it.")
        public static let outHelp = Message(zh: "要创建的备份目录（须不存在或为空）。", en: "The backup directory to create (must not exist, or be empty).")
        public static let noKeysHelp = Message(
            zh: "不把 sealing.keys 复制进备份（密钥另行保管时）。", en: "Leave sealing.keys out of the backup (when keys are kept apart).")
        public static let fromHelp = Message(zh: "jcskills backup 写出的备份目录。", en: "A backup directory written by jcskills backup.")
        public static let keysHelp = Message(
            zh: "使用此密钥文件，代替备份中的 sealing.keys。", en: "Use this key file instead of the backup's sealing.keys.")
        public static let forceHelp = Message(
            zh: "覆盖已有数据的存储（正在运行的服务仍一律拒绝）。", en: "Overwrite a store that holds data (a running service is still refused).")
        public static let verifyOnlyHelp = Message(zh: "只校验备份，不写入任何东西。", en: "Only verify the backup; write nothing.")

        public static func unknownService(_ name: String) -> Message {
            Message(zh: "未知的服务 \(name)：应为 registry、training、evaluation、competition 或 gateway",
                    en: "unknown service \(name): expected registry, training, evaluation, competition or gateway")
        }
        public static func backingUp(_ service: String, postgres: Bool) -> Message {
            let store = postgres ? "PostgreSQL" : "SQLite"
            return Message(zh: "正在备份 \(service)（\(store)）…", en: "backing up \(service) (\(store))…")
        }
        public static func restoring(_ service: String, _ directory: String) -> Message {
            Message(zh: "正在从 \(directory) 恢复 \(service)…", en: "restoring \(service) from \(directory)…")
        }
        public static func copied(percent: Int, pages: Int, of total: Int) -> Message {
            Message(zh: "  已复制 \(percent)%（\(pages)/\(total) 页）", en: "  copied \(percent)% (\(pages)/\(total) pages)")
        }
        public static func table(_ name: String) -> Message { Message(zh: "  表 \(name)", en: "  table \(name)") }
        public static func verified(_ path: String) -> Message {
            Message(zh: "  已校验 \(path)：完整", en: "  verified \(path): intact")
        }
        public static func keysCopied(_ path: String) -> Message {
            Message(zh: "  密钥已复制到 \(path)（权限 0600）", en: "  keys copied to \(path) (mode 0600)")
        }
        public static let keysLeftOut = Message(
            zh: "  未复制密钥（--no-keys）：恢复时须用 --keys 提供同一份 sealing.keys",
            en: "  keys left out (--no-keys): the restore needs the same sealing.keys with --keys")
        public static func keysInstalled(_ path: String) -> Message {
            Message(zh: "  密钥已写入 \(path)（权限 0600）", en: "  keys written to \(path) (mode 0600)")
        }
        public static func keysKept(_ path: String) -> Message {
            Message(zh: "  保留现有密钥 \(path)（与备份一致）", en: "  kept the key file \(path) (it matches the backup)")
        }
        public static func backupDone(_ directory: String, bytes: Int, seconds: Double) -> Message {
            let size = String(format: "%.1f", Double(bytes) / 1_048_576)
            let time = String(format: "%.1f", seconds)
            return Message(zh: "备份完成：\(directory)（\(size) MiB，用时 \(time) 秒）", en: "backup done: \(directory) (\(size) MiB in \(time) s)")
        }
        public static func verifyDone(_ directory: String) -> Message {
            Message(zh: "备份 \(directory) 校验通过；未写入任何东西", en: "backup \(directory) verified; nothing was written")
        }
        public static func restoreDone(_ service: String, created: String) -> Message {
            Message(zh: "恢复完成：\(service) 的数据已回到 \(created) 的状态；现在可以启动服务",
                    en: "restore done: \(service)'s data is as it was at \(created); the service can be started now")
        }

        public static func cannotWrite(_ path: String) -> Message { Message(zh: "无法写入 \(path)", en: "cannot write \(path)") }
        public static func cannotRead(_ path: String) -> Message { Message(zh: "无法读取 \(path)", en: "cannot read \(path)") }
        public static func noManifest(_ path: String) -> Message {
            Message(zh: "\(path) 不存在：这不是 jcskills backup 写出的备份目录", en: "no \(path): this is not a backup directory written by jcskills backup")
        }
        public static func badManifest(_ path: String, expected: String) -> Message {
            Message(zh: "无法读取 \(path)（应为格式 \(expected)）", en: "cannot read \(path) (expected format \(expected))")
        }
        public static func storeFailed(_ reason: String) -> Message { Message(zh: "存储操作失败：\(reason)", en: "the store operation failed: \(reason)") }
        public static func keysDoNotMatch(_ path: String, found: String, recorded: String) -> Message {
            Message(zh: "密钥文件 \(path)（指纹 \(found)）不是写入这些数据时所用的（指纹 \(recorded)）；请提供正确的 sealing.keys",
                    en: "the key file \(path) (fingerprint \(found)) is not the one the data was written with (fingerprint \(recorded)); give the right sealing.keys")
        }
        public static func noKeyFile(_ path: String) -> Message {
            Message(zh: "没有密钥文件 \(path)", en: "no key file at \(path)")
        }
        public static func badKeyFile(_ path: String, reason: String) -> Message {
            Message(zh: "密钥文件 \(path) 不可用：\(reason)", en: "the key file \(path) cannot be used: \(reason)")
        }
        public static func outExists(_ directory: String) -> Message {
            Message(zh: "\(directory) 已存在且不为空：请指定新的备份目录", en: "\(directory) exists and is not empty: name a new backup directory")
        }
        public static func wrongService(backup: String, service: String) -> Message {
            Message(zh: "这是 \(backup) 的备份，不能恢复到 \(service)", en: "this is a backup of \(backup); it cannot be restored into \(service)")
        }
        public static func checksumMismatch(_ path: String) -> Message {
            Message(zh: "\(path) 的校验和与清单不符：备份已损坏或被改动；未做任何改动",
                    en: "\(path) does not match the manifest's checksum: the backup is damaged or altered; nothing was changed")
        }
        public static func integrityFailed(_ path: String, result: String) -> Message {
            Message(zh: "\(path) 未通过完整性检查（\(result)）；未做任何改动", en: "\(path) fails its integrity check (\(result)); nothing was changed")
        }
        public static func storeMismatch(backup: String, target: String) -> Message {
            Message(zh: "备份来自 \(backup) 存储，目标是 \(target)：请用同类存储恢复",
                    en: "the backup is of a \(backup) store and the target is \(target): restore into the same kind of store")
        }
        public static func inUse(_ target: String) -> Message {
            Message(zh: "\(target) 正在被使用（服务在运行）：请先停止服务再恢复；未做任何改动",
                    en: "\(target) is in use (the service is running): stop the service before restoring; nothing was changed")
        }
        public static func wouldOverwrite(_ target: String) -> Message {
            Message(zh: "\(target) 已有数据：确认要用备份覆盖时加 --force；未做任何改动",
                    en: "\(target) holds data: add --force to overwrite it with the backup; nothing was changed")
        }
        public static func noKeysForRestore(_ path: String) -> Message {
            Message(zh: "备份中没有密钥，\(path) 也不是写入这些数据时的密钥：请用 --keys 提供 sealing.keys",
                    en: "the backup holds no keys and \(path) is not the key file the data was written with: give sealing.keys with --keys")
        }
        public static func keysWouldBeReplaced(_ path: String) -> Message {
            Message(zh: "\(path) 是另一套密钥：确认要替换时加 --force（原文件会保留为 .replaced-<时间>）",
                    en: "\(path) holds other keys: add --force to replace them (the old file is kept as .replaced-<time>)")
        }

        public static let revokeAbstract = Message(
            zh: "把证书序列号加入吊销名单；服务在握手时拒绝名单上的客户端证书。",
            en: "Add certificates' serials to the revocation list; services refuse listed client certificates at the handshake.")
        public static let revokeDiscussion = Message(
            zh: """
                名单每行一个十六进制序列号（# 之后为注释），即服务配置 tls.revoked_serials 或 \
                --revoked-serials 所指的文件。服务在启动时和收到 SIGHUP 时读取：写入后执行 \
                systemctl reload jcskills@<服务>（或 kill -HUP <pid>）。已建立的连接不受影响；\
                要立即断开被吊销的客户端，请重启服务。

                例：jcskills pki revoke --list /etc/jcskills/revoked-serials /etc/jcskills/pki/county-140524.crt
                """,
            en: """
                The list holds one hexadecimal serial a line (# starts a comment): the file the services' \
                tls.revoked_serials setting or --revoked-serials names. Services read it at start and on \
                SIGHUP: after writing, run systemctl reload jcskills@<service> (or kill -HUP <pid>). \
                Connections already established are not affected; restart the service to cut a revoked \
                client off at once.

                Example: jcskills pki revoke --list /etc/jcskills/revoked-serials /etc/jcskills/pki/county-140524.crt
                """)
        public static let revokeListHelp = Message(zh: "吊销名单文件（不存在时创建）。", en: "The revocation list file (created if missing).")
        public static let revokeSerialHelp = Message(zh: "按序列号吊销（十六进制）；可重复。", en: "Revoke by serial (hexadecimal); repeatable.")
        public static let revokeCertificatesHelp = Message(zh: "要吊销的证书（PEM）。", en: "Certificates to revoke (PEM).")
        public static func badSerial(_ text: String) -> Message {
            Message(zh: "\(text) 不是十六进制序列号", en: "\(text) is not a hexadecimal serial")
        }
        public static let nothingToRevoke = Message(zh: "请给出要吊销的证书或 --serial", en: "name certificates to revoke, or --serial")
        public static func revoked(_ count: Int, list: String) -> Message {
            Message(zh: "已向 \(list) 加入 \(count) 个序列号；请让服务重新加载（SIGHUP）",
                    en: "added \(count) serials to \(list); have the services reload it (SIGHUP)")
        }

        public static let keysAbstract = Message(zh: "服务的个人数据密钥。", en: "A service's personal-data keys.")
        public static let rotateAbstract = Message(
            zh: "向服务的 sealing.keys 加入一把新的加密密钥；旧密钥保留，旧数据照常可读。",
            en: "Add a new sealing key to a service's sealing.keys; the old keys stay, and old values still open.")
        public static let rotateDiscussion = Message(
            zh: """
                新值此后用新密钥加密；已加密的值仍用原密钥解开。盲索引密钥不变，查找和唯一性不受影响。\
                文件以原子方式替换（权限 0600）。正在运行的服务在收到 SIGHUP 时开始使用新密钥\
                （systemctl reload jcskills@<服务>），否则在下次启动时。之后请备份新的 sealing.keys。

                例：jcskills keys rotate registry --config /etc/jcskills/registry.yaml && systemctl reload jcskills@registry
                """,
            en: """
                New values are sealed with the new key from then on; values sealed before still open with \
                theirs. The blind-index key does not change, so look-ups and uniqueness are unaffected. \
                The file is replaced atomically (mode 0600). A running service starts using the new key on \
                SIGHUP (systemctl reload jcskills@<service>), otherwise at its next start. Back up the new \
                sealing.keys afterwards.

                Example: jcskills keys rotate registry --config /etc/jcskills/registry.yaml && systemctl reload jcskills@registry
                """)
        public static func rotated(current: UInt32, count: Int) -> Message {
            Message(zh: "已加入密钥 \(current)（共 \(count) 把）；请让服务重新加载（SIGHUP）并备份 sealing.keys",
                    en: "added key \(current) (\(count) in all); have the service reload (SIGHUP) and back up sealing.keys")
        }

        public static let retireAbstract = Message(
            zh: "从服务的 sealing.keys 中取出不再加密任何数据的旧密钥。",
            en: "Take old sealing keys that no longer seal anything out of a service's sealing.keys.")
        public static let retireDiscussion = Message(
            zh: """
                轮换（keys rotate）并重新加载后，服务会在后台用新密钥重新加密全部个人数据，完成时记录日志 \
                "personal data sealed again"。之后，本命令逐一清点数据库中每把密钥仍加密的值：只有一个值也不剩\
                的密钥才会被取出，其编号以 "retired" 行留在文件中（不再使用）。文件以原子方式替换（权限 0600）。\
                泄露的旧密钥由此不再能解开任何东西。多副本部署时，先让每个副本都重新加载。之后请让服务\
                重新加载（SIGHUP）并备份新的 sealing.keys；此前的备份仍需要原来的密钥文件。

                例：jcskills keys retire registry --config /etc/jcskills/registry.yaml && systemctl reload jcskills@registry
                """,
            en: """
                After a rotation (keys rotate) and a reload, the service seals all its personal data again \
                with the new key in the background and logs "personal data sealed again" when done. Then \
                this command counts, in the database, the values each key still seals: only a key that seals \
                nothing any more is taken out, its id kept in the file as a "retired" line (never used \
                again). The file is replaced atomically (mode 0600). A leaked old key then opens nothing. \
                With several replicas, reload every one first. Afterwards have the service reload (SIGHUP) \
                and back up the new sealing.keys; backups taken before still need the old key file.

                Example: jcskills keys retire registry --config /etc/jcskills/registry.yaml && systemctl reload jcskills@registry
                """)
        public static let retireKeysHelp = Message(
            zh: "要取出的密钥编号；默认除当前密钥外的全部。", en: "The key ids to retire; by default every key but the current one.")
        public static func nothingToRetire(current: UInt32) -> Message {
            Message(zh: "没有可取出的密钥：文件中只有当前密钥 \(current)", en: "nothing to retire: the file holds only the current key \(current)")
        }
        public static func cannotRetire(_ reason: String) -> Message {
            Message(zh: "不能取出：\(reason)", en: "cannot retire: \(reason)")
        }
        public static func notSealedAgainYet(_ service: String, current: UInt32) -> Message {
            Message(zh: "\(service) 尚未用当前密钥 \(current) 重新加密全部数据：请让服务（每个副本）重新加载（SIGHUP），待日志出现 \"personal data sealed again\" 后再试",
                    en: "\(service) has not yet sealed all its data again with the current key \(current): have the service (every replica) reload (SIGHUP), and try again once it logs \"personal data sealed again\"")
        }
        public static func keysStillInUse(_ counts: [(key: UInt32, values: Int)]) -> Message {
            let en = counts.map { "key \($0.key) still seals \($0.values) values" }.joined(separator: ", ")
            let zh = counts.map { "密钥 \($0.key) 仍加密着 \($0.values) 个值" }.joined(separator: "，")
            return Message(zh: "\(zh)；请让服务（每个副本）重新加载，待其重新加密完毕后再试",
                           en: "\(en); have the service (every replica) reload, and try again once it has sealed them again")
        }
        public static func retired(_ keys: [UInt32], remaining: [UInt32]) -> Message {
            let list = keys.map(String.init).joined(separator: ", ")
            let left = remaining.map(String.init).joined(separator: ", ")
            return Message(zh: "已取出密钥 \(list)（剩余 \(left)）；请让服务重新加载（SIGHUP）并备份 sealing.keys",
                           en: "retired key \(list) (left: \(left)); have the service reload (SIGHUP) and back up sealing.keys")
        }
    }
}
