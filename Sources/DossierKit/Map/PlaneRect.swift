/// An axis-aligned rectangle of the map plane (x east, y north), and the cutting of lines at it.
struct PlaneRect: Sendable, Hashable {
    var min: SIMD2<Double>
    var max: SIMD2<Double>

    var width: Double { max.x - min.x }
    var height: Double { max.y - min.y }

    func contains(_ point: SIMD2<Double>) -> Bool {
        point.x >= min.x && point.x <= max.x && point.y >= min.y && point.y <= max.y
    }

    /// Corners counter-clockwise from the south-west, at boundary positions 0, w, w+h, 2w+h.
    var corners: [SIMD2<Double>] { [min, SIMD2(max.x, min.y), max, SIMD2(min.x, max.y)] }
    var cornerPositions: [Double] { [0, width, width + height, 2 * width + height] }

    /// Distance along the boundary, counter-clockwise from the south-west corner, of the
    /// boundary point nearest `point`.
    func boundaryPosition(_ point: SIMD2<Double>) -> Double {
        let x = Swift.min(Swift.max(point.x, min.x), max.x), y = Swift.min(Swift.max(point.y, min.y), max.y)
        let distances = [y - min.y, max.x - x, max.y - y, x - min.x]
        let side = distances.indices.min { distances[$0] < distances[$1] }!
        switch side {
        case 0: return x - min.x
        case 1: return width + (y - min.y)
        case 2: return width + height + (max.x - x)
        default: return 2 * width + height + (max.y - y)
        }
    }

    /// A line cut at the rectangle: `whole` when a closed line lies wholly inside, else the
    /// pieces inside, each from where it enters to where it leaves. A closed line is cut
    /// starting from a point outside, so that no piece is split at its first point.
    static func clipped(_ points: [SIMD2<Double>], closed: Bool, to rect: PlaneRect) -> (whole: [SIMD2<Double>]?, pieces: [[SIMD2<Double>]]) {
        guard !points.isEmpty else { return (nil, []) }
        var line = points
        if closed {
            guard let outside = points.firstIndex(where: { !rect.contains($0) }) else { return (points, []) }
            line = Array(points[outside...] + points[...outside])
        }
        var pieces: [[SIMD2<Double>]] = []
        var current: [SIMD2<Double>]? = rect.contains(line[0]) ? [line[0]] : nil
        for index in line.indices.dropLast() {
            let a = line[index], b = line[index + 1]
            guard let (enter, leave) = rect.clip(a, b) else { continue }
            if enter > 0 {
                if let piece = current, piece.count > 1 { pieces.append(piece) }
                current = [a + (b - a) * enter]
            }
            current?.append(leave < 1 ? a + (b - a) * leave : b)
            if leave < 1 {
                if let piece = current, piece.count > 1 { pieces.append(piece) }
                current = nil
            }
        }
        if let piece = current, piece.count > 1 { pieces.append(piece) }
        return (nil, pieces)
    }

    /// Liang–Barsky: the part of segment a→b inside, as parameters 0...1, or nil.
    func clip(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> (Double, Double)? {
        let delta = b - a
        var enter = 0.0, leave = 1.0
        for (p, q) in [(-delta.x, a.x - min.x), (delta.x, max.x - a.x), (-delta.y, a.y - min.y), (delta.y, max.y - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { enter = Swift.max(enter, t) } else { leave = Swift.min(leave, t) }
            }
        }
        return enter <= leave ? (enter, leave) : nil
    }

    /// Whether segments p→q and a→b cross (touching ends do not count).
    static func crosses(_ p: SIMD2<Double>, _ q: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Bool {
        func turn(_ o: SIMD2<Double>, _ u: SIMD2<Double>, _ v: SIMD2<Double>) -> Double {
            (u.x - o.x) * (v.y - o.y) - (u.y - o.y) * (v.x - o.x)
        }
        let d1 = turn(p, q, a), d2 = turn(p, q, b), d3 = turn(a, b, p), d4 = turn(a, b, q)
        return (d1 > 0) != (d2 > 0) && d1 != 0 && d2 != 0 && (d3 > 0) != (d4 > 0) && d3 != 0 && d4 != 0
    }
}
