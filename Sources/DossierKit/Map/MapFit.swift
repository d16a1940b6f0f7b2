import Foundation

/// The box a page's map shows: around its points, with a margin, at least `minimumSize`
/// degrees of latitude each way so that one point still shows its region, of a shape between
/// `widest` and `narrowest` on screen, and with its sides moved out to round degrees so that
/// pages with nearly the same points share one coastline file.
enum MapFit {
    static let margin = 0.15
    static let minimumMargin = 1.5
    static let minimumSize = 8.0
    /// Width over height on screen.
    static let widest = 2.2
    static let narrowest = 1.4
    /// Spans of longitude beyond this show the world.
    static let worldSpan = 250.0

    static func box(around points: [(lat: Double, lon: Double)]) -> GeoBox? {
        guard !points.isEmpty else { return nil }
        let (west, span) = longitudeArc(points.map(\.lon))
        let south = points.map(\.lat).min()!, north = points.map(\.lat).max()!
        let middle = (south + north) / 2
        let factor = max(cos(middle * .pi / 180), 0.2)
        // Sizes in degrees of latitude, the unit of both sides on screen.
        var width = span * factor, height = north - south
        width = max(width + 2 * max(width * margin, minimumMargin), minimumSize)
        height = max(height + 2 * max(height * margin, minimumMargin), minimumSize)
        if width < height * narrowest { width = height * narrowest }
        if height < width / widest { height = width / widest }
        let lonSpan = width / factor
        guard lonSpan < worldSpan else { return GeoBox.world }
        let centre = west + span / 2
        // Kept whole inside ±85° by moving it, not by cutting it.
        let limit = GeoBox.latitudeLimit
        let top = min(max(middle + height / 2, -limit + height), limit), bottom = max(top - height, -limit)
        let step = roundStep(lonSpan)
        return GeoBox(west: ((centre - lonSpan / 2) / step).rounded(.down) * step,
                      east: ((centre + lonSpan / 2) / step).rounded(.up) * step,
                      south: max((bottom / step).rounded(.down) * step, -limit),
                      north: min((top / step).rounded(.up) * step, limit))
    }

    /// The shortest arc of longitude holding every point: it starts after the widest gap
    /// between neighbours around the globe, so points on both sides of the date line make
    /// one arc over it rather than one round the world.
    static func longitudeArc(_ longitudes: [Double]) -> (west: Double, span: Double) {
        let sorted = longitudes.map(GeoBox.normalized).sorted()
        var widest = 360 - sorted[sorted.count - 1] + sorted[0], start = 0
        for index in sorted.indices.dropFirst() where sorted[index] - sorted[index - 1] > widest {
            widest = sorted[index] - sorted[index - 1]
            start = index
        }
        return (sorted[start], 360 - widest)
    }

    /// Degrees the sides are rounded to: about a sixth of the span, a round number.
    static func roundStep(_ span: Double) -> Double {
        [10.0, 5, 2].first { $0 <= span / 6 } ?? 1
    }
}
