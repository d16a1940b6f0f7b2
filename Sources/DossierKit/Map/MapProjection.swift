import Foundation

/// Equirectangular projection of a box onto a drawing `width` pixels wide: longitude scaled by
/// the cosine of the box's middle latitude, so that shapes near it keep their proportions (a
/// degree of longitude at 60° N is half a degree of latitude). Plane coordinates run east and
/// north from the box's south-west corner; SVG's y runs down (`svgY`).
struct MapProjection: Sendable, Hashable {
    let box: GeoBox
    let width: Double

    /// Pixels per degree of latitude.
    var scale: Double { width / (box.span * lonFactor) }
    /// Pixels per degree of longitude over pixels per degree of latitude.
    var lonFactor: Double { max(cos(box.middleLatitude * .pi / 180), 0.2) }
    var height: Double { box.height * scale }

    /// Plane coordinates of a longitude already in the box's frame (see `GeoBox.unwrap`).
    func plane(lat: Double, frameLon: Double) -> SIMD2<Double> {
        SIMD2((frameLon - box.west) * lonFactor * scale, (lat - box.south) * scale)
    }

    func plane(lat: Double, lon: Double) -> SIMD2<Double> { plane(lat: lat, frameLon: box.unwrap(lon)) }

    func svgY(_ planeY: Double) -> Double { height - planeY }

    /// Degrees of longitude and latitude that `pixels` span.
    func degrees(pixels: Double) -> (lon: Double, lat: Double) { (pixels / (scale * lonFactor), pixels / scale) }
}
