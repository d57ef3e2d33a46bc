/// Masked forms of personal values for every role that has no need to see them in full.
///
/// Masking works on characters (grapheme clusters), so Chinese names and stray emoji are
/// never cut in half. Each helper keeps the same number of characters as its input, except
/// that an empty input stays empty.
public enum Masking {
    /// `140524199001011234` → `140524********1234`: the first six characters (the county of
    /// registration) and the last four are kept, everything between becomes `*`. An 18-character
    /// ID number thus shows eight stars; a 15-character one, five. Inputs of ten characters or
    /// fewer would reveal all but nothing, so they are masked completely.
    public static func idNumber(_ value: String) -> String {
        keep(value, first: 6, last: 4)
    }

    /// `张三` → `张*`, `王小明` → `王**`, `欧阳娜娜` → `欧阳**`, `John Smith` → `J*********`.
    ///
    /// Keeps the surname: two characters for the common compound surnames (欧阳, 司马, 诸葛…)
    /// when the name is longer than the surname, otherwise the first character. A
    /// one-character name becomes `*`.
    public static func name(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count > 1 else { return String(repeating: "*", count: characters.count) }
        let surname = characters.count > 2 && compoundSurnames.contains(String(characters[0...1])) ? 2 : 1
        return String(characters[..<surname]) + String(repeating: "*", count: characters.count - surname)
    }

    /// `13812341234` → `138****1234`: the first three and last four digits are kept. Numbers
    /// of seven characters or fewer are masked completely.
    public static func phone(_ value: String) -> String {
        keep(value, first: 3, last: 4)
    }

    /// Keeps `first` leading and `last` trailing characters and stars the rest; stars
    /// everything when that would leave nothing hidden.
    private static func keep(_ value: String, first: Int, last: Int) -> String {
        let characters = Array(value)
        guard characters.count > first + last else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(first)) + String(repeating: "*", count: characters.count - first - last)
            + String(characters.suffix(last))
    }

    /// Compound surnames in use in Shanxi and across China (the 复姓 of the Hundred Family
    /// Surnames still borne today).
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "司空",
        "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶", "太史", "申屠",
        "钟离", "闻人", "赫连", "万俟", "濮阳", "淳于", "单于", "太叔", "仲孙", "公羊", "宗政", "东郭", "南门",
        "拓跋", "第五", "梁丘", "左丘", "羊舌", "微生", "公良", "乐正", "漆雕", "壤驷", "段干", "巫马", "鲜于",
        "闾丘", "亓官", "司寇", "子车", "颛孙", "谷梁", "宰父", "夹谷", "公西", "东门", "公户", "公玉",
    ]
}
