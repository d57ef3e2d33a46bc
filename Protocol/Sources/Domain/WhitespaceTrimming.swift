extension String {
    /// The string without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` returns (general category Zs and U+0009), without
    /// its round trip through `NSString`, which was 3 % of the evaluation service's time in an
    /// import that trimmed every row's name.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isHorizontalWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isHorizontalWhitespace })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    fileprivate var isHorizontalWhitespace: Bool {
        // ASCII without the category look-up (in ASCII only the space is a space separator): the
        // look-up was an eighth of the client's time reading 1.5 M persons from a CSV file.
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}
