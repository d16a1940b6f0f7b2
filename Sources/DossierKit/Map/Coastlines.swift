/// GSHHG's shorelines in GMT's binned netCDF format (`binned_GSHHS_l.nc` of Debian's
/// `gmt-gshhg-low`), read whole: a few hundred KB, read once per build.
///
/// The globe is cut into square bins (10° in the low resolution), numbered row by row from
/// the north-west. Each bin holds segments: pieces of shoreline polygons cut at the bin's
/// sides, their points as 16-bit steps of 1/65535 of the bin from its south-west corner. A
/// segment runs with dry ground on its left; it is either a whole polygon (a ring) or enters
/// through one side and leaves through another. The level says what it bounds: 1 land, 2 lake,
/// 3 island in a lake, 4 pond on such an island. Each bin also knows the level at its corners.
struct Coastlines: Sendable {
    /// Side of a bin in degrees.
    let binSize: Double
    let columns: Int
    let rows: Int
    /// Per bin: the levels of its four corners, three bits each, south-west in the top bits.
    let cornerLevels: [Int16]
    let firstSegment: [Int32]
    let segmentCount: [Int16]
    /// Per segment: point count, level, entry and exit sides, packed as GMT packs them.
    let segmentInfo: [Int32]
    let firstPoint: [Int32]
    /// Per segment: whether it bounds a river wide enough to be drawn as a lake (GSHHG gives
    /// those polygons a negative area); maps leave them out, as GMT's `-A+r` does.
    let riverLake: [Bool]
    let dx: [UInt16]
    let dy: [UInt16]
    /// GSHHG's version, e.g. `2.3.7`.
    let version: String

    /// Steps across a bin in the stored coordinates.
    static let binSteps = 65535

    /// A side of a bin, counter-clockwise from the south; `none` for a ring.
    enum Side: Int {
        case south = 0, east, north, west, none
    }

    struct Segment {
        var level: Int
        var entry: Side
        var exit: Side
        var points: Range<Int>
    }

    /// Reads a binned GSHHS file; every index in it is checked once here.
    static func read(path: String) throws(CoastlineError) -> Coastlines {
        let coastlines: Coastlines
        do {
            coastlines = try NetCDFFile.read(path) { file throws(NetCDFError) in
                let dx = try file.int16s("Relative_longitude_from_SW_corner_of_bin")
                let dy = try file.int16s("Relative_latitude_from_SW_corner_of_bin")
                let areas = try file.doubles("The_km_squared_area_of_polygons")
                let polygons = try file.int32s("Id_of_GSHHS_ID")
                return Coastlines(binSize: Double(try file.int("Bin_size_in_minutes")) / 60,
                                  columns: try file.int("N_bins_in_360_longitude_range"),
                                  rows: try file.int("N_bins_in_180_degree_latitude_range"),
                                  cornerLevels: try file.int16s("Embedded_node_levels_in_a_bin"),
                                  firstSegment: try file.int32s("Id_of_first_segment_in_a_bin"),
                                  segmentCount: try file.int16s("N_segments_in_a_bin"),
                                  segmentInfo: try file.int32s("Embedded_npts_levels_exit_entry_for_a_segment"),
                                  firstPoint: try file.int32s("Id_of_first_point_in_a_segment"),
                                  riverLake: polygons.map { areas.indices.contains(Int($0)) && areas[Int($0)] < 0 },
                                  dx: dx.map { UInt16(bitPattern: $0) }, dy: dy.map { UInt16(bitPattern: $0) },
                                  version: file.globalText("version") ?? "")
            }
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        if let problem = coastlines.inconsistency { throw .unreadable(path: path, reason: problem) }
        return coastlines
    }

    /// What makes the file unusable, or nil: sizes that disagree or an index out of range.
    var inconsistency: String? {
        guard binSize > 0, columns > 0, rows > 0, abs(Double(columns) * binSize - 360) < 1e-9,
              abs(Double(rows) * binSize - 180) < 1e-9 else {
            return "bins of \(binSize)° in \(columns) × \(rows) do not cover the globe"
        }
        let bins = columns * rows
        guard cornerLevels.count == bins, firstSegment.count == bins, segmentCount.count == bins else {
            return "per-bin variables do not have \(bins) values"
        }
        guard firstPoint.count == segmentInfo.count, riverLake.count == segmentInfo.count, dx.count == dy.count else { return "per-segment or per-point variables differ in length" }
        for bin in 0..<bins {
            let first = Int(firstSegment[bin]), count = Int(segmentCount[bin])
            guard first >= 0, count >= 0, first + count <= segmentInfo.count else { return "bin \(bin) names segments past the end" }
        }
        for index in segmentInfo.indices {
            let start = Int(firstPoint[index]), count = Int(segmentInfo[index] >> 9)
            guard start >= 0, count >= 0, start + count <= dx.count, Side(rawValue: Int(segmentInfo[index] & 7)) != nil,
                  Side(rawValue: Int((segmentInfo[index] >> 3) & 7)) != nil else {
                return "segment \(index) has points past the end or an unknown side"
            }
        }
        return nil
    }

    /// Bin of column `column` (0 at 0° east) and row `row` (0 at the north pole).
    func bin(column: Int, row: Int) -> Int { row * columns + column }

    /// The bin's segments of levels 1 through `maxLevel`, but rivers. GSHHG keeps two outlines
    /// of Antarctica: level 6 is the grounding line, left out for the ice front (GMT's default).
    func segments(inBin bin: Int, maxLevel: Int) -> [Segment] {
        let first = Int(firstSegment[bin])
        return (first..<first + Int(segmentCount[bin])).compactMap { index in
            if riverLake[index] { return nil }
            let info = segmentInfo[index]
            var level = Int((info >> 6) & 7)
            if level == 6 { return nil }
            if level == 5 { level = 1 }
            guard level >= 1, level <= maxLevel, let entry = Side(rawValue: Int((info >> 3) & 7)),
                  let exit = Side(rawValue: Int(info & 7)) else { return nil }
            let start = Int(firstPoint[index])
            return Segment(level: level, entry: entry, exit: exit, points: start..<start + Int(info >> 9))
        }
    }

    /// The level at the bin's south-west corner (0 sea, 1 land, 2 lake, ...).
    func southWestLevel(ofBin bin: Int) -> Int { Int((UInt16(bitPattern: cornerLevels[bin]) >> 9) & 7) }
}

/// Why the coastlines could not be read; `CoastlineSource.warning` says what to do.
enum CoastlineError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)

    var description: String { CoastlineSource.warning(self).description }
}
