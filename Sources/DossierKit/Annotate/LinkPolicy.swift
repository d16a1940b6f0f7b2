/// Which ordinary links and images of an article's body reach the site: web and mail
/// addresses and addresses without a scheme (within the site, or a `#` fragment). Every other
/// scheme (`javascript:`, `data:`, `vbscript:`, `file:`, and misspelt annotations such as
/// `persn:kim`) is removed, its text kept, with a warning. cmark's safe mode drops some of
/// these too; this list does not depend on it and says so to the author.
enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme as a browser reads it (lowercased; leading spaces and controls skipped,
    /// tabs and line breaks inside ignored), or nil for an address without one.
    static func scheme(of destination: String) -> String? {
        var letters: [Unicode.Scalar] = []
        for scalar in destination.unicodeScalars {
            if letters.isEmpty && scalar.value <= 0x20 { continue }
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scalar == ":" {
                guard let first = letters.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return nil }
                return String(String.UnicodeScalarView(letters)).lowercased()
            }
            let isSchemeCharacter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "+" || scalar == "-" || scalar == "."
            guard isSchemeCharacter else { return nil }
            letters.append(scalar)
        }
        return nil
    }

    static func isAllowed(_ destination: String) -> Bool {
        guard let scheme = scheme(of: destination) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// A destination as messages quote it, a long one shortened (`Diagnostic` shows controls as escapes).
    static func quoted(_ destination: String) -> String {
        let scalars = destination.unicodeScalars
        guard scalars.count > 60 else { return "\"" + destination + "\"" }
        return "\"" + String(String.UnicodeScalarView(scalars.prefix(60))) + "…\""
    }
}
