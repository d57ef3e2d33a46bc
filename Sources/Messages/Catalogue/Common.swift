extension Messages {
    /// Words many commands share.
    public enum Common {
        public static let yes = Message(zh: "是", en: "yes")
        public static let no = Message(zh: "否", en: "no")
        public static let city = Message(zh: "全市", en: "city")
        public static let county = Message(zh: "县（市、区）", en: "county")
        /// Between two values on a line.
        public static let separator = Message(zh: "，", en: ", ")
    }
}
