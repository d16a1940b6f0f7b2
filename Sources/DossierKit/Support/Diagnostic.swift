/// One problem found in the content, with where it is and what to do about it.
/// Printed as `content/articles/x.md:3: unknown person "kim-jong-on" (did you mean kim-jong-un?)`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// Path as the user named it, e.g. `content/articles/x.md`.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    public var message: String
    /// What to do, e.g. "did you mean kim-jong-un?".
    public var hint: String?

    public init(_ severity: Severity = .error, file: String, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public static func error(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, message, hint: hint)
    }

    public static func warning(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, message, hint: hint)
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        text += message
        if let hint { text += " (\(hint))" }
        return Diagnostic.printable(text)
    }

    /// Messages quote content (ids, keys, addresses): its control characters are shown as
    /// `\u{1b}`, never sent to a terminal, where an escape sequence could rewrite the screen.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || InvisibleControls.isRemoved($0) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || InvisibleControls.isRemoved(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Stable order for reports: by file, line, then text.
    public static func sorted(_ list: [Diagnostic]) -> [Diagnostic] {
        list.sorted { a, b in
            if a.file != b.file { return a.file < b.file }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return a.description < b.description
        }
    }
}

/// A build or check that found errors. Carries every problem, not only the first.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = Diagnostic.sorted(diagnostics) }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public var description: String {
        let lines = diagnostics.map(\.description)
        let count = errorCount
        return (lines + ["\(count) error\(count == 1 ? "" : "s")"]).joined(separator: "\n")
    }
}
