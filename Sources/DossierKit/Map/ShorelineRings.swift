/// Closes a map's shoreline pieces into rings of dry ground: from where a line leaves the
/// clip rectangle, along its sides counter-clockwise (dry ground is on a line's left) to where
/// the next line enters, until the ring comes back to its first line, as GMT closes a bin's
/// polygons. Lakes are rings of their own inside land; filled even-odd, they stay water.
enum ShorelineRings {
    static func rings(_ pieces: ShorelinePieces) -> [[SIMD2<Double>]] {
        let clip = pieces.clip
        guard !pieces.open.isEmpty else { return (pieces.backgroundDry ? [clip.corners] : []) + pieces.closed }
        let open = pieces.open
        let entries = open.map { clip.boundaryPosition($0[0]) }
        let exits = open.map { clip.boundaryPosition($0[$0.count - 1]) }
        let order = open.indices.sorted { (entries[$0], $0) < (entries[$1], $1) }
        /// The line entering first counter-clockwise after boundary position `position`.
        func next(after position: Double) -> Int {
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if entries[order[middle]] > position { high = middle } else { low = middle + 1 }
            }
            return order[low == order.count ? 0 : low]
        }
        var used = [Bool](repeating: false, count: open.count)
        var rings: [[SIMD2<Double>]] = []
        for start in order where !used[start] {
            var ring = open[start], line = start
            used[start] = true
            while true {
                let following = next(after: exits[line])
                ring += corners(of: clip, from: exits[line], to: entries[following])
                // Back at the first line, or (in data that does not close) at a used one.
                if following == start || used[following] { break }
                ring += open[following]
                used[following] = true
                line = following
            }
            rings.append(ring)
        }
        return rings + pieces.closed
    }

    /// The corners passed going counter-clockwise from boundary position `from` to `to`.
    static func corners(of clip: PlaneRect, from: Double, to: Double) -> [SIMD2<Double>] {
        let positions = clip.cornerPositions, points = clip.corners
        let ahead = positions.indices.filter { positions[$0] > from && (to > from ? positions[$0] < to : true) }
        // Past the south-west corner (position 0, and the whole perimeter) and on.
        let wrapped = to > from ? [] : positions.indices.filter { positions[$0] < to }
        return (ahead + wrapped).map { points[$0] }
    }
}
