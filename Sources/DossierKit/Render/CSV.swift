/// CSV as the build writes it: RFC 4180 (comma separated, CRLF line ends, a field quoted when
/// it holds a comma, quote or line break, quotes doubled). A field that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice against CSV
/// injection): a spreadsheet would otherwise run it as a formula. Every CSV the build writes
/// goes through `appendField`.
enum CSV {
    static func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        for (number, field) in fields.enumerated() {
            if number > 0 { bytes.append(44) }
            appendField(&bytes, field)
        }
        return String(decoding: bytes + [13, 10], as: UTF8.self)
    }

    /// One field as it is written.
    static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendField(&bytes, value)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A field, quoted when it holds a comma, quote or line break (quotes doubled), with a `'`
    /// in front when it begins with a character a spreadsheet reads as the start of a formula.
    static func appendField<Sink: ByteSink>(_ bytes: inout Sink, _ value: String) {
        var value = value
        value.withUTF8 { appendField(&bytes, $0[...]) }
    }

    static func appendField<Sink: ByteSink>(_ bytes: inout Sink, _ utf8: Slice<UnsafeBufferPointer<UInt8>>) {
        let neutralised = utf8.first.map(startsFormula) ?? false
        guard needsQuotes(utf8) else {
            if neutralised { bytes.put(39) }
            bytes.put(UnsafeBufferPointer(rebasing: utf8))
            return
        }
        bytes.put(34)
        if neutralised { bytes.put(39) }
        var run = utf8.startIndex
        for index in utf8.indices where utf8[index] == 34 {
            // A quote is written twice: the run up to and with it, then it again.
            bytes.put(UnsafeBufferPointer(rebasing: utf8[run...index]))
            bytes.put(34)
            run = index + 1
        }
        bytes.put(UnsafeBufferPointer(rebasing: utf8[run...]))
        bytes.put(34)
    }

    /// Whether `utf8` holds a comma, a quote or a line break (eight bytes at a time).
    static func needsQuotes(_ utf8: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let base = utf8.base
        var index = utf8.startIndex
        while index + 8 <= utf8.endIndex {
            let word = ByteWords.word(base, at: index)
            if ByteWords.contains(word, 44) || ByteWords.contains(word, 34) || ByteWords.contains(word, 10) || ByteWords.contains(word, 13) {
                break
            }
            index += 8
        }
        return utf8[index...].contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
    }

    /// `=`, `+`, `-`, `@`, tab and carriage return: a field beginning with one is a formula to
    /// Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`).
    @inline(__always)
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 61 || byte == 43 || byte == 45 || byte == 64 || byte == 9 || byte == 13
    }
}
