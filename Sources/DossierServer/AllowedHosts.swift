/// The `Host` values the preview server answers: the loopback names and the address it
/// listens on, each with or without a port. When it listens on every address (`0.0.0.0`,
/// `::`), any IP address is allowed too, but never a name: DNS rebinding needs a name.
struct AllowedHosts: Sendable {
    private let names: Set<String>
    private let anyAddress: Bool

    init(listening host: String) {
        let lowered = host.lowercased()
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        names.insert(lowered.contains(":") && !lowered.hasPrefix("[") ? "[" + lowered + "]" : lowered)
        self.names = names
        anyAddress = ["0.0.0.0", "::", "[::]"].contains(lowered)
    }

    /// `authority` is the request's Host (`localhost:8000`); a request without one is refused.
    func allows(_ authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return false }
        let lowered = authority.lowercased()
        var name = Substring(lowered)
        // Split off a port: after the closing bracket of an IPv6 literal, or the only colon.
        if let close = lowered.lastIndex(of: "]") {
            let rest = lowered[lowered.index(after: close)...]
            guard rest.isEmpty || isPort(rest) else { return false }
            name = lowered[...close]
        } else if let colon = lowered.lastIndex(of: ":") {
            guard isPort(lowered[colon...]) else { return false }
            name = lowered[..<colon]
        }
        if names.contains(String(name)) { return true }
        return anyAddress && AllowedHosts.isAddress(name)
    }

    private func isPort(_ text: Substring) -> Bool {
        text.first == ":" && text.count > 1 && text.count <= 6 && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A dotted IPv4 address or a bracketed IPv6 one.
    static func isAddress(_ name: Substring) -> Bool {
        if name.hasPrefix("[") { return name.hasSuffix("]") && name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } && Int($0)! <= 255 }
    }
}
