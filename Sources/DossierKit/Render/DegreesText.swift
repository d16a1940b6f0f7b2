/// Latitudes and longitudes as pages and data files write them: decimal degrees, at most
/// six decimals (a tenth of a metre), never in exponent form, the same on every build.
enum DegreesText {
    /// `39.03`, `-75.7`, `0`.
    static func number(_ value: Double) -> String {
        let millionths = Int((value * 1_000_000).rounded())
        let magnitude = millionths.magnitude
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (millionths < 0 ? "-" : "") + String(magnitude / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `39.03° N, 125.75° E`.
    static func display(lat: Double, lon: Double) -> String {
        number(abs(lat)) + "° " + (lat < 0 ? "S" : "N") + ", " + number(abs(lon)) + "° " + (lon < 0 ? "W" : "E")
    }
}
