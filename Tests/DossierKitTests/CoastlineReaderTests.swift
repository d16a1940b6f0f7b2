import Foundation
import Testing
@testable import DossierKit

let gshhgInstalled = FileManager.default.isReadableFile(atPath: CoastlineSource.debianPath)

/// The GSHHG reader on Debian's real low-resolution file (gmt-gshhg-low, which
/// scripts/install-deps.sh installs): known coasts lie where they are, land is land and sea
/// is sea once the pieces are closed into rings, across bin sides and the date line.
@Suite(.enabled(if: gshhgInstalled, "needs /usr/share/gmt-gshhg/binned_GSHHS_l.nc: apt-get install gmt-gshhg-low"))
struct CoastlineReaderTests {
    static let coastlines = Result { () throws(CoastlineError) in try Coastlines.read(path: CoastlineSource.debianPath) }

    func coastlines() throws -> Coastlines { try CoastlineReaderTests.coastlines.get() }

    /// The rings of dry ground of a box, in plane coordinates, and its projection.
    func rings(_ box: GeoBox, maxLevel: Int = 2) throws -> ([[SIMD2<Double>]], MapProjection) {
        let projection = MapProjection(box: box, width: 800)
        let pieces = ShorelinePieces.crop(try coastlines(), projection: projection, margin: 3, maxLevel: maxLevel)
        return (ShorelineRings.rings(pieces), projection)
    }

    /// Even-odd: inside an odd number of rings.
    func isDry(_ lat: Double, _ lon: Double, in rings: [[SIMD2<Double>]], _ projection: MapProjection) -> Bool {
        let point = projection.plane(lat: lat, lon: lon)
        var inside = false
        for ring in rings {
            for index in ring.indices {
                let a = ring[index], b = ring[(index + 1) % ring.count]
                if (a.y > point.y) != (b.y > point.y), point.x < a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
            }
        }
        return inside
    }

    @Test func theFileIsGSHHGsLowResolution() throws {
        let file = try coastlines()
        #expect(file.binSize == 10 && file.columns == 36 && file.rows == 18)
        #expect(file.version.hasPrefix("2."))
        #expect(file.segmentInfo.count > 10_000 && file.dx.count > 90_000)
    }

    @Test func busanAndVladivostokAreOnTheCoastAndKoreaIsLand() throws {
        let box = GeoBox(west: 124, east: 136, south: 32, north: 46)!
        let (rings, projection) = try rings(box)
        let points = rings.flatMap { $0 }
        for (lat, lon) in [(35.1, 129.04), (43.1, 131.9)] {
            let target = projection.plane(lat: lat, lon: lon)
            let nearest = points.map { LineSimplification.length($0 - target) }.min() ?? .infinity
            #expect(nearest < 0.25 * projection.scale, "no shoreline within 0.25° of \(lat), \(lon)")
        }
        #expect(isDry(36.5, 127.8, in: rings, projection))   // South Korea's middle
        #expect(isDry(40.0, 126.5, in: rings, projection))   // North Korea
        #expect(isDry(45.0, 134.0, in: rings, projection))   // Primorsky Krai
        #expect(!isDry(38.5, 132.0, in: rings, projection))  // Sea of Japan
        #expect(!isDry(36.0, 124.5, in: rings, projection))  // Yellow Sea
        #expect(isDry(33.4, 126.55, in: rings, projection))  // Jeju, an island ring
    }

    /// Lines are joined across bin sides: every piece left starts and ends on the clip
    /// rectangle, whatever box, also one over the date line or the world.
    @Test func everyPieceEndsOnTheClipRectangle() throws {
        let boxes = [GeoBox(west: 30, east: 150, south: 30, north: 70)!, GeoBox(west: 170, east: 200, south: 50, north: 72)!,
                     GeoBox.world, GeoBox(west: -20, east: 20, south: 35, north: 60)!, GeoBox(west: -180, east: 180, south: -85, north: -50)!]
        for box in boxes {
            let projection = MapProjection(box: box, width: 800)
            let pieces = ShorelinePieces.crop(try coastlines(), projection: projection, margin: 3, maxLevel: 2)
            #expect(!pieces.open.isEmpty)
            let clip = pieces.clip
            func onSide(_ p: SIMD2<Double>) -> Bool {
                min(abs(p.x - clip.min.x), abs(p.x - clip.max.x), abs(p.y - clip.min.y), abs(p.y - clip.max.y)) < 1e-6
            }
            let loose = pieces.open.filter { !onSide($0[0]) || !onSide($0[$0.count - 1]) }
            #expect(loose.isEmpty, "\(loose.count) pieces of \(box) end inside")
            #expect(pieces.closed.allSatisfy { $0.allSatisfy(clip.contains) })
        }
    }

    @Test func aBoxOverTheDateLineHasChukotkaAndAlaska() throws {
        let box = GeoBox(west: 160, east: -160, south: 55, north: 72)!
        #expect(box.crossesDateLine && box.east == 200)
        let (rings, projection) = try rings(box)
        #expect(isDry(67.0, 175.0, in: rings, projection))    // Chukotka, west of the line
        #expect(isDry(66.5, -178.0, in: rings, projection))   // Chukotka, east of it
        #expect(isDry(65.3, -164.0, in: rings, projection))   // Seward Peninsula, Alaska
        #expect(!isDry(60.0, -178.0, in: rings, projection))  // Bering Sea
        #expect(!isDry(58.0, 170.0, in: rings, projection))
    }

    /// Boxes no shoreline crosses take their ground from the bin corner's level and the
    /// lines between: the middle of Siberia is land, the Pacific sea, the Caspian a lake.
    @Test func boxesWithNoShorelineAcrossThemAreLandOrSea() throws {
        let file = try coastlines()
        func ground(_ box: GeoBox, maxLevel: Int = 2) -> (open: Int, dry: Bool) {
            let pieces = ShorelinePieces.crop(file, projection: MapProjection(box: box, width: 200), margin: 1, maxLevel: maxLevel)
            return (pieces.open.count, pieces.backgroundDry)
        }
        #expect(ground(GeoBox(west: 95, east: 97, south: 61, north: 62)!) == (0, true))
        #expect(ground(GeoBox(west: -150, east: -148, south: 1, north: 2)!) == (0, false))
        #expect(ground(GeoBox(west: 50, east: 51, south: 42, north: 42.5)!) == (0, false))
        #expect(ground(GeoBox(west: 50, east: 51, south: 42, north: 42.5)!, maxLevel: 1) == (0, true))
    }

    @Test func antarcticaIsLandAtTheBottomOfAWorldBox() throws {
        let (rings, projection) = try rings(GeoBox(west: -180, east: 180, south: -85, north: -50)!)
        #expect(isDry(-80, 0, in: rings, projection) && isDry(-75, 120, in: rings, projection))
        #expect(!isDry(-55, -120, in: rings, projection))
    }

    @Test func theMapOfARegionIsSmallAndTheSameEveryTime() throws {
        let map = try #require(PageMap(points: MapDrawingTests.seedPoints))
        let first = map.asset.svg(coastlines: try coastlines())
        #expect(first == map.asset.svg(coastlines: try coastlines()))
        #expect(first.contains("class=\"land\"") && first.contains(CoastlineSVG.credit))
        #expect(first.utf8.count < 40_000)
    }
}
