extension Messages {
    /// Reading and writing CSV files (Sources/DemoData: LineReader, CSVRow, FileCSVSink): the
    /// imports' files and the demo files. The errors' `description` is the English, for logs and
    /// the library's tests; what a user reads is the `message`, in their language.
    public enum CSVFiles {
        public static func cannotOpen(_ path: String) -> Message { Message(zh: "无法打开 \(path)", en: "cannot open \(path)") }
        public static func noConverter(_ encoding: String) -> Message {
            Message(zh: "本系统的 C 库无法转换 \(encoding)（是否装有 glibc 的 gconv 模块？）",
                    en: "this system's C library cannot convert \(encoding) (are glibc's gconv modules installed?)")
        }
        public static func byteOrderMark(_ path: String, asked encoding: String) -> Message {
            Message(zh: "\(path) 以 UTF-8 字节顺序标记开头：它是 UTF-8，不是 \(encoding)（去掉 --encoding）",
                    en: "\(path) starts with a UTF-8 byte-order mark: it is UTF-8, not \(encoding) (leave out --encoding)")
        }
        public static func utf16(_ path: String) -> Message {
            Message(zh: "\(path) 是 UTF-16（电子表格的“Unicode 文本”）：请另存为 UTF-8 或 GBK 编码的 CSV",
                    en: "\(path) is UTF-16 (a spreadsheet's \"Unicode text\"): save it as CSV, in UTF-8 or GBK")
        }
        public static func lineTooLong(_ length: Int, maximum: Int) -> Message {
            Message(zh: "此行长 \(length) 字节；一条记录至多 \(maximum) 字节（未读取）",
                    en: "the line is \(length) bytes long; a record has at most \(maximum) (it was not read)")
        }
        /// `place`: the byte's position in the line, when known; `bytes`: them in hex.
        public static func notText(_ encoding: String, at place: Int?, bytes: String, utf8: Bool) -> Message {
            let found = [place.map { "此行第 \($0) 字节起" }, bytes.isEmpty ? nil : bytes].compactMap { $0 }.joined(separator: "：")
            return Message(zh: "不是 \(encoding) 文本\(found.isEmpty ? "" : "（\(found)）")："
                               + (utf8 ? "请把文件另存为 UTF-8，或用 --encoding gbk|big5|gb18030 指明其编码" : "请用 --encoding utf-8|gbk|big5|gb18030 指明文件的编码"),
                           en: "not \(encoding) text\(place.map { " at byte \($0) of the line" } ?? "")\(bytes.isEmpty ? "" : " (\(bytes))"): "
                               + (utf8 ? "save the file as UTF-8, or give its encoding with --encoding gbk|big5|gb18030" : "give the file's encoding with --encoding utf-8|gbk|big5|gb18030"))
        }
        public static func unterminatedQuote(column: Int) -> Message {
            Message(zh: "第 \(column) 列：带引号的字段在本行内没有结束", en: "column \(column): quoted field is not closed on this line")
        }
        public static func textAfterClosingQuote(column: Int) -> Message {
            Message(zh: "第 \(column) 列：右引号后还有文字", en: "column \(column): text after the closing quote")
        }
        public static func quoteInUnquotedField(column: Int) -> Message {
            Message(zh: "第 \(column) 列：不带引号的字段中有引号", en: "column \(column): quote inside an unquoted field")
        }
        public static func cannotCreate(_ path: String) -> Message { Message(zh: "无法创建 \(path)", en: "cannot create \(path)") }
        public static func cannotCreateDirectory(_ path: String, _ reason: String) -> Message {
            Message(zh: "无法创建目录 \(path)：\(reason)", en: "cannot create the directory \(path): \(reason)")
        }
        public static func cannotWrite(_ path: String, _ reason: String) -> Message {
            Message(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
        }
    }
}
