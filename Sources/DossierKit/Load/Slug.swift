/// Ids of articles and entities: ASCII, lowercase, `[a-z0-9-]`, not starting or ending with `-`.
enum Slug {
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-") else { return false }
        return text.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
    }
}
