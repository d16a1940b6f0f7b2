/// Douglas–Peucker simplification to a tolerance in pixels: a shoreline keeps only the points
/// that move it by more than the tolerance, so a map carries no detail it cannot show.
enum LineSimplification {
    /// An open line; its ends are always kept. Repeated points are dropped first.
    static func simplified(_ line: [SIMD2<Double>], tolerance: Double) -> [SIMD2<Double>] {
        let points = withoutRepeats(line)
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        // An explicit stack: a shoreline of thousands of points must not recurse as deep.
        var spans = [(0, points.count - 1)]
        while let (first, last) = spans.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first, distance = -1.0
            for index in first + 1..<last {
                let here = segmentDistance(points[index], points[first], points[last])
                if here > distance { distance = here; farthest = index }
            }
            if distance > tolerance {
                keep[farthest] = true
                spans.append((first, farthest))
                spans.append((farthest, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// A ring (its last point not repeating its first): cut at its first point and the point
    /// farthest from it, each half simplified as an open line.
    static func simplifiedRing(_ ring: [SIMD2<Double>], tolerance: Double) -> [SIMD2<Double>] {
        var points = withoutRepeats(ring)
        if points.count > 1, points[0] == points[points.count - 1] { points.removeLast() }
        guard points.count > 3 else { return points }
        var farthest = 0, distance = -1.0
        for index in points.indices {
            let here = length(points[index] - points[0])
            if here > distance { distance = here; farthest = index }
        }
        let first = simplified(Array(points[0...farthest]), tolerance: tolerance)
        let second = simplified(Array(points[farthest...]) + [points[0]], tolerance: tolerance)
        return first + second.dropFirst().dropLast()
    }

    /// Signed area, counter-clockwise positive (the shoelace formula).
    static func area(_ ring: [SIMD2<Double>]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    static func withoutRepeats(_ points: [SIMD2<Double>]) -> [SIMD2<Double>] {
        var result: [SIMD2<Double>] = []
        result.reserveCapacity(points.count)
        for point in points where result.last != point { result.append(point) }
        return result
    }

    /// Distance from `point` to the segment a→b.
    static func segmentDistance(_ point: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let along = b - a
        let squared = (along * along).sum()
        guard squared > 0 else { return length(point - a) }
        let t = min(max(((point - a) * along).sum() / squared, 0), 1)
        return length(point - (a + along * t))
    }

    static func length(_ vector: SIMD2<Double>) -> Double { (vector * vector).sum().squareRoot() }
}
