/// Calendar dates written `YYYY-MM-DD`, the only date form the content uses.
enum ISODate {
    /// True for a real calendar day in `YYYY-MM-DD` form.
    static func isValid(_ text: String) -> Bool { parse(text) != nil }

    static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM` of a date, for grouping by month.
    static func month(_ text: String) -> String { String(text.prefix(7)) }

    /// English display form, e.g. `29 November 2024`.
    static func display(_ text: String) -> String {
        guard let (year, month, day) = parse(text) else { return text }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        return "\(day) \(names[month - 1]) \(year)"
    }
}
