/// A timeline as inline SVG: events (meetings) as linked dots on a date axis with their
/// names and participants in stacked lanes above it, and optionally a bar per month below
/// it (an entity's mentions). Pure: the same input gives the same bytes. Every text and
/// attribute value is escaped.
enum TimelineSVG {
    struct Event: Sendable, Hashable {
        /// ISO `YYYY-MM-DD`; events without a valid date are left out.
        var date: String
        var name: String
        /// Second, smaller line (participants).
        var detail: String
        var url: String

        init(date: String, name: String, detail: String, url: String) {
            self.date = date
            self.name = name
            self.detail = detail
            self.url = url
        }
    }

    struct MonthCount: Sendable, Hashable {
        /// `YYYY-MM`.
        var month: String
        var count: Int

        init(month: String, count: Int) {
            self.month = month
            self.count = count
        }
    }

    static let width = 800.0
    static let margin = 14.0
    static let laneHeight = 36.0
    static let maxLanes = 8
    static let nameSize = 12.5
    static let detailSize = 10.5
    static let barsHeight = 52.0

    /// The SVG, or nil when there is nothing dated to draw.
    static func render(events: [Event], months: [MonthCount] = [], label: String) -> String? {
        let dated = events.filter { ISODate.isValid($0.date) }
            .sorted { ($0.date, $0.name, $0.url) < ($1.date, $1.name, $1.url) }
        let counted = months.filter { $0.count > 0 && DateAxis.monthIndex($0.month) != nil }
        guard let axis = DateAxis(dates: dated.map(\.date) + counted.map(\.month), left: margin + 4, right: width - margin - 4) else {
            return nil
        }

        // Lanes: each label goes to the lowest lane where it clears the previous label.
        var laneEnds: [Double] = []
        var placed: [(event: Event, x: Double, lane: Int?, left: Double)] = []
        for event in dated {
            let x = axis.x(date: event.date) ?? axis.left
            let textWidth = max(TextWidth.estimate(event.name, fontSize: nameSize), TextWidth.estimate(event.detail, fontSize: detailSize))
            let left = max(margin, min(x - 5, width - margin - textWidth))
            var lane = laneEnds.firstIndex { $0 + 12 <= left }
            if lane == nil, laneEnds.count < maxLanes {
                laneEnds.append(-Double.infinity)
                lane = laneEnds.count - 1
            }
            if let lane { laneEnds[lane] = left + textWidth }
            placed.append((event, x, lane, left))
        }

        let top = 6.0
        let axisY = top + Double(laneEnds.count) * laneHeight + 12
        let barsBase = axisY + 30 + barsHeight
        let height = counted.isEmpty ? axisY + 26 : barsBase + 6
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart timeline-chart\" viewBox=\"0 0 \(n(width)) \(n(height))\""
            + " width=\"\(n(width))\" height=\"\(n(height))\" aria-label=\"\(HTML.escape(label))\">\n"
        svg += "<title>\(HTML.escape(label))</title>\n"

        // Axis and month ticks.
        svg += "<line class=\"tl-axis\" x1=\"\(n(axis.left))\" y1=\"\(n(axisY))\" x2=\"\(n(axis.right))\" y2=\"\(n(axisY))\"/>\n"
        let ticks = axis.ticks(minimumGap: 62)
        for month in ticks.months {
            let x = axis.x(monthStart: month)
            svg += "<line class=\"tl-tick\" x1=\"\(n(x))\" y1=\"\(n(axisY - 4))\" x2=\"\(n(x))\" y2=\"\(n(axisY + 4))\"/>"
            let text = ticks.yearsOnly ? String(month / 12) : DateAxis.monthName(month)
            let anchor = x > width - margin - 30 ? "end" : "start"
            svg += "<text class=\"tl-tick-label\" x=\"\(n(x + (anchor == "end" ? -2 : 2)))\" y=\"\(n(axisY + 17))\" font-size=\"10\" text-anchor=\"\(anchor)\">\(HTML.escape(text))</text>\n"
        }

        // Connectors first, so that labels (with a halo) are drawn over them.
        for item in placed {
            guard let lane = item.lane else { continue }
            let labelBottom = top + Double(laneEnds.count - 1 - lane) * laneHeight + 31
            svg += "<line class=\"tl-stem\" x1=\"\(n(item.x))\" y1=\"\(n(labelBottom))\" x2=\"\(n(item.x))\" y2=\"\(n(axisY - 5))\"/>\n"
        }
        for item in placed {
            let title = item.event.name + ", " + ISODate.display(item.event.date) + (item.event.detail.isEmpty ? "" : " (" + item.event.detail + ")")
            svg += "<a class=\"tl-event\" href=\"\(HTML.escape(item.event.url))\"><title>\(HTML.escape(title))</title>"
            svg += "<circle class=\"tl-dot\" cx=\"\(n(item.x))\" cy=\"\(n(axisY))\" r=\"5\"/>"
            if let lane = item.lane {
                let blockTop = top + Double(laneEnds.count - 1 - lane) * laneHeight
                svg += "<text class=\"tl-name\" x=\"\(n(item.left))\" y=\"\(n(blockTop + 13))\" font-size=\"\(n(nameSize))\">\(HTML.escape(item.event.name))</text>"
                if !item.event.detail.isEmpty {
                    svg += "<text class=\"tl-detail\" x=\"\(n(item.left))\" y=\"\(n(blockTop + 27))\" font-size=\"\(n(detailSize))\">\(HTML.escape(item.event.detail))</text>"
                }
            }
            svg += "</a>\n"
        }

        // Mentions per month.
        if let most = counted.map(\.count).max() {
            svg += "<text class=\"tl-note\" x=\"\(n(margin))\" y=\"\(n(axisY + 36))\" font-size=\"10\">mentions per month (most: \(most))</text>\n"
            for month in counted {
                guard let index = DateAxis.monthIndex(month.month) else { continue }
                let x0 = axis.x(monthStart: index), x1 = axis.x(monthStart: index + 1)
                let barHeight = max(2, Double(month.count) / Double(most) * (barsHeight - 14))
                let title = DateAxis.monthName(index, long: true) + ": \(month.count) mention" + (month.count == 1 ? "" : "s")
                svg += "<rect class=\"tl-bar\" x=\"\(n(x0 + 0.5))\" y=\"\(n(barsBase - barHeight))\" width=\"\(n(max(1, x1 - x0 - 1)))\" height=\"\(n(barHeight))\"><title>\(HTML.escape(title))</title></rect>\n"
            }
            svg += "<line class=\"tl-base\" x1=\"\(n(axis.left))\" y1=\"\(n(barsBase))\" x2=\"\(n(axis.right))\" y2=\"\(n(barsBase))\"/>\n"
        }
        return svg + "</svg>"
    }

    static func n(_ value: Double) -> String { SVGNumber.format(value) }
}
