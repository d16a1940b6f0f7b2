extension String {
    /// Zeros in front up to `width` characters (`"7".leftPadded(to: 4)` is `"0007"`): numbered
    /// files that sort by name, and fixed-width codes.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
