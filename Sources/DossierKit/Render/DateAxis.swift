/// A horizontal axis of calendar time, whole months from the first date's month to the
/// last date's, mapped onto `left...right`; with ticks spaced so that their labels fit.
struct DateAxis {
    /// First and one-past-last month, as `year * 12 + month - 1`.
    let firstMonth: Int
    let endMonth: Int
    let left: Double
    let right: Double

    static let minimumMonths = 6
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Covers every date in `dates` (ISO `YYYY-MM-DD`; others are ignored); nil if none is valid.
    init?(dates: [String], left: Double, right: Double) {
        let months = dates.compactMap(DateAxis.monthIndex)
        guard let first = months.min(), let last = months.max() else { return nil }
        // At least half a year, so that a single month does not fill the width.
        let missing = max(0, DateAxis.minimumMonths - (last + 1 - first))
        self.firstMonth = first - missing / 2
        self.endMonth = last + 1 + (missing - missing / 2)
        self.left = left
        self.right = right
    }

    static func monthIndex(_ date: String) -> Int? {
        guard let (year, month, _) = ISODate.parse(date.count == 7 ? date + "-01" : date) else { return nil }
        return year * 12 + month - 1
    }

    static let longMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// `Nov 2024`, or `November 2024` when `long`.
    static func monthName(_ index: Int, long: Bool = false) -> String {
        (long ? longMonthNames : monthNames)[index % 12] + " " + String(index / 12)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func firstDay(ofMonth index: Int) -> Int { dayNumber(year: index / 12, month: index % 12 + 1, day: 1) }

    var span: Double { Double(DateAxis.firstDay(ofMonth: endMonth) - DateAxis.firstDay(ofMonth: firstMonth)) }

    /// x of the start of a day (a date) or of a month (`monthStart`).
    func x(date: String) -> Double? {
        guard let (year, month, day) = ISODate.parse(date) else { return nil }
        return x(day: DateAxis.dayNumber(year: year, month: month, day: day) - DateAxis.firstDay(ofMonth: firstMonth), plusHalf: true)
    }

    func x(monthStart index: Int) -> Double {
        x(day: DateAxis.firstDay(ofMonth: index) - DateAxis.firstDay(ofMonth: firstMonth), plusHalf: false)
    }

    private func x(day: Int, plusHalf: Bool) -> Double {
        left + (Double(day) + (plusHalf ? 0.5 : 0)) / span * (right - left)
    }

    /// Months to label: every `step` months, with `step` the smallest of 1, 2, 3, 6, 12, 24, ...
    /// that keeps labels `minimumGap` apart.
    func ticks(minimumGap: Double) -> (months: [Int], yearsOnly: Bool) {
        let months = endMonth - firstMonth
        let perMonth = (right - left) / Double(max(months, 1))
        var step = 1
        for candidate in [1, 2, 3, 6, 12] {
            step = candidate
            if perMonth * Double(candidate) >= minimumGap { break }
        }
        while perMonth * Double(step) < minimumGap { step *= 2 }
        let yearsOnly = step >= 12
        var result: [Int] = []
        var month = firstMonth
        if step > 1 {
            // Align to the step within the year (quarters start in January, April, ...).
            let phase = yearsOnly ? 12 : step
            month = ((firstMonth + phase - 1) / phase) * phase
        }
        while month <= endMonth {
            result.append(month)
            month += step
        }
        return (result, yearsOnly)
    }
}
