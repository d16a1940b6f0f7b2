import Foundation
import Testing
@testable import DossierKit

/// The map's drawing without the data file: boxes and the date line, the projection, fitting
/// a box round points, simplification, closing pieces into rings, the path text, the page's
/// inline SVG, and a map drawn with no coastline data installed.
@Suite struct MapDrawingTests {
    static let seedPoints: [MapPoint] = [
        MapPoint(label: "Pyongyang", lat: 39.0392, lon: 125.7625, href: "places/pyongyang/", kind: .place),
        MapPoint(label: "Seoul", lat: 37.5665, lon: 126.978, href: "places/seoul/", kind: .place),
        MapPoint(label: "Vladivostok", lat: 43.1155, lon: 131.8855, href: "places/vladivostok/", kind: .place),
        MapPoint(label: "Moscow", lat: 55.7558, lon: 37.6173, href: "places/moscow/", kind: .place),
        MapPoint(label: "Kursk", lat: 51.7304, lon: 36.1926, href: "places/kursk/", kind: .place),
        MapPoint(label: "Putin–Kim summit", lat: 39.0392, lon: 125.7625, href: "meetings/2024-06-19-summit/", kind: .meeting),
    ]

    @Test func boxesTakeLongitudesModulo360AndMayCrossTheDateLine() throws {
        let plain = try #require(GeoBox(west: 120, east: 140, south: 30, north: 50))
        #expect(!plain.crossesDateLine && plain.span == 20)
        let over = try #require(GeoBox(west: 170, east: -170, south: 50, north: 70))
        #expect(over.west == 170 && over.east == 190 && over.crossesDateLine)
        #expect(over.unwrap(-175) == 185 && over.contains(lat: 60, lon: -175) && !over.contains(lat: 60, lon: 160))
        let turned = try #require(GeoBox(west: 190, east: 200, south: 0, north: 10))
        #expect(turned.west == -170 && turned.east == -160)
        #expect(GeoBox(west: 0, east: 10, south: 20, north: 20) == nil)
        #expect(GeoBox(west: 0, east: 10, south: 88, north: 89) == nil, "both clamp to 85°")
        #expect(GeoBox(west: 10, east: 10, south: 0, north: 10) == nil)
    }

    @Test func theProjectionScalesLongitudeByTheMiddleLatitude() throws {
        let projection = MapProjection(box: try #require(GeoBox(west: 120, east: 140, south: 30, north: 50)), width: 800)
        let factor = cos(40 * Double.pi / 180)
        #expect(abs(projection.scale - 800 / (20 * factor)) < 1e-9)
        #expect(abs(projection.height - 20 * projection.scale) < 1e-9)
        #expect(projection.plane(lat: 30, lon: 120) == SIMD2(0, 0))
        let corner = projection.plane(lat: 50, lon: 140)
        #expect(abs(corner.x - 800) < 1e-9 && abs(corner.y - projection.height) < 1e-9)
        #expect(abs(projection.svgY(corner.y)) < 1e-9)
        // A degree of longitude is cos(40°) of a degree of latitude on screen.
        let step = projection.plane(lat: 40, lon: 131) - projection.plane(lat: 40, lon: 130)
        #expect(abs(step.x - factor * projection.scale) < 1e-9)
        let over = MapProjection(box: try #require(GeoBox(west: 170, east: 190, south: 50, north: 70)), width: 400)
        #expect(abs(over.plane(lat: 60, lon: -175).x - 15.0 / 20 * 400) < 1e-9)
    }

    @Test func aBoxIsFittedAroundThePointsWithAMarginAndAMinimumSize() throws {
        for points in [MapDrawingTests.seedPoints, [MapDrawingTests.seedPoints[1]], Array(MapDrawingTests.seedPoints.prefix(3))] {
            let box = try #require(MapFit.box(around: points.map { ($0.lat, $0.lon) }))
            #expect(points.allSatisfy { box.contains(lat: $0.lat, lon: $0.lon) })
            #expect(box.height >= MapFit.minimumSize && box.span * cos(box.middleLatitude * .pi / 180) >= MapFit.minimumSize)
            #expect(box.west == box.west.rounded() && box.north == box.north.rounded(), "sides at round degrees")
        }
        // One point: its region, about it.
        let seoul = try #require(MapFit.box(around: [(37.57, 126.98)]))
        #expect(seoul.span < 25 && seoul.height < 15 && abs((seoul.west + seoul.east) / 2 - 127) < 2)
        // Either side of the date line: one arc over it, not round the world.
        let bering = try #require(MapFit.box(around: [(64.7, 177.5), (64.5, -165.4)]))
        #expect(bering.crossesDateLine && bering.span < 60)
        // Ottawa to Vladivostok the short way is still most of the world: the world.
        #expect(MapFit.box(around: [(45.4, -75.7), (55.8, 37.6), (43.1, 131.9)]) == GeoBox.world)
        #expect(MapFit.box(around: []) == nil)
        #expect(PageMap(points: [MapPoint(label: "x", lat: .nan, lon: 0, href: "x/", kind: .place)]) == nil)
    }

    @Test func simplificationDropsWhatTheToleranceHides() {
        let straight = (0...10).map { SIMD2(Double($0), 0.1 * Double($0 % 2)) }
        #expect(LineSimplification.simplified(straight, tolerance: 0.5) == [SIMD2(0, 0), SIMD2(10, 0)])
        let zigzag = (0...4).map { SIMD2(Double($0) * 10, $0 % 2 == 0 ? 0 : 5) }
        #expect(LineSimplification.simplified(zigzag, tolerance: 0.5) == zigzag)
        #expect(LineSimplification.simplified([SIMD2(1, 1), SIMD2(1, 1), SIMD2(2, 2)], tolerance: 1) == [SIMD2(1, 1), SIMD2(2, 2)])
        // A square with points along its sides keeps its four corners.
        let square = [SIMD2(0.0, 0), SIMD2(5, 0), SIMD2(10, 0), SIMD2(10, 5), SIMD2(10, 10), SIMD2(5, 10), SIMD2(0, 10), SIMD2(0, 5)]
        let kept = LineSimplification.simplifiedRing(square, tolerance: 0.5)
        #expect(Set(kept) == [SIMD2(0, 0), SIMD2(10, 0), SIMD2(10, 10), SIMD2(0, 10)] && kept.count == 4)
        #expect(LineSimplification.area(kept) == 100 && LineSimplification.area(kept.reversed()) == -100)
    }

    @Test func linesAreCutWhereTheyCrossTheRectangle() {
        let rect = PlaneRect(min: SIMD2(0, 0), max: SIMD2(10, 10))
        let line = [SIMD2(-5.0, 5), SIMD2(5, 5), SIMD2(15, 5), SIMD2(15, 8), SIMD2(5, 8), SIMD2(5, 20)]
        let cut = PlaneRect.clipped(line, closed: false, to: rect)
        #expect(cut.whole == nil)
        #expect(cut.pieces == [[SIMD2(0, 5), SIMD2(5, 5), SIMD2(10, 5)], [SIMD2(10, 8), SIMD2(5, 8), SIMD2(5, 10)]])
        let inside = [SIMD2(1.0, 1), SIMD2(2, 1), SIMD2(2, 2)]
        #expect(PlaneRect.clipped(inside, closed: true, to: rect).whole == inside)
        #expect(PlaneRect.clipped([SIMD2(20.0, 20), SIMD2(30, 20), SIMD2(30, 30)], closed: true, to: rect).pieces.isEmpty)
        #expect(rect.boundaryPosition(SIMD2(10, 5)) == 15 && rect.boundaryPosition(SIMD2(5, 10)) == 25)
    }

    /// Dry ground is on a line's left: a line across the rectangle west to east has land to
    /// its north, and the ring closes round the northern corners; east to west, the southern.
    @Test func piecesCloseCounterClockwiseAlongTheRectangle() {
        let clip = PlaneRect(min: SIMD2(0, 0), max: SIMD2(10, 10))
        let eastward = ShorelinePieces(clip: clip, open: [[SIMD2(0, 5), SIMD2(10, 5)]], closed: [], backgroundDry: false)
        #expect(ShorelineRings.rings(eastward) == [[SIMD2(0, 5), SIMD2(10, 5), SIMD2(10, 10), SIMD2(0, 10)]])
        let westward = ShorelinePieces(clip: clip, open: [[SIMD2(10, 5), SIMD2(0, 5)]], closed: [], backgroundDry: false)
        #expect(ShorelineRings.rings(westward) == [[SIMD2(10, 5), SIMD2(0, 5), SIMD2(0, 0), SIMD2(10, 0)]])
        // Two capes from the south side (land inside each): each its own ring.
        let capes = ShorelinePieces(clip: clip, open: [[SIMD2(3, 0), SIMD2(2, 3), SIMD2(1, 0)], [SIMD2(8, 0), SIMD2(7, 3), SIMD2(6, 0)]],
                                    closed: [], backgroundDry: false)
        #expect(ShorelineRings.rings(capes) == [[SIMD2(3, 0), SIMD2(2, 3), SIMD2(1, 0)], [SIMD2(8, 0), SIMD2(7, 3), SIMD2(6, 0)]])
        // Two bays (the same lines the other way): one ring of land round both, past every corner.
        let bays = ShorelinePieces(clip: clip, open: [[SIMD2(1, 0), SIMD2(2, 3), SIMD2(3, 0)], [SIMD2(6, 0), SIMD2(7, 3), SIMD2(8, 0)]],
                                   closed: [], backgroundDry: false)
        #expect(ShorelineRings.rings(bays) == [[SIMD2(1, 0), SIMD2(2, 3), SIMD2(3, 0), SIMD2(6, 0), SIMD2(7, 3), SIMD2(8, 0),
                                                SIMD2(10, 0), SIMD2(10, 10), SIMD2(0, 10), SIMD2(0, 0)]])
        let island = [SIMD2(4.0, 4), SIMD2(6, 4), SIMD2(5, 6)]
        #expect(ShorelineRings.rings(ShorelinePieces(clip: clip, open: [], closed: [island], backgroundDry: true)) == [clip.corners, island])
        #expect(ShorelineRings.rings(ShorelinePieces(clip: clip, open: [], closed: [island], backgroundDry: false)) == [island])
    }

    @Test func pathTextStepsInWholeUnitsWithNoSpaceBeforeAMinus() {
        var path = PathText(unitsPerPixel: 4, height: 10)
        path.ring([SIMD2(0, 10), SIMD2(2.5, 10), SIMD2(2.5, 7.5), SIMD2(2.5, 7.5001)])
        path.ring([SIMD2(5, 5), SIMD2(6, 5), SIMD2(6, 6)])
        #expect(path.text == "M0 0l10 0 0 10zm20 20 4 0 0-4z")
        var tiny = PathText(unitsPerPixel: 4, height: 10)
        tiny.ring([SIMD2(1, 1), SIMD2(1.01, 1), SIMD2(1, 1.01)])
        #expect(tiny.text.isEmpty, "a ring that rounds to one place is left out")
    }

    @Test func thePageSVGLinksEveryPointAndIsTheSameEveryTime() throws {
        var points = MapDrawingTests.seedPoints
        points.append(MapPoint(label: "<script>\"x\"", lat: 40, lon: 127, href: "a/?b=1&c=\"2\"", kind: .place))
        let map = try #require(PageMap(points: points))
        let svg = map.svg(root: "../../", label: "Places & meetings")
        #expect(svg == PageMap(points: points)!.svg(root: "../../", label: "Places & meetings"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map-chart\""))
        #expect(svg.contains("aria-label=\"Places &amp; meetings\"") && svg.contains("<title>Places &amp; meetings</title>"))
        #expect(svg.contains("<image href=\"../../\(map.asset.path)\""))
        #expect(svg.components(separatedBy: "<a class=\"map-point").count - 1 == points.count)
        #expect(svg.contains("href=\"places/seoul/\" aria-label=\"Seoul (place)\"><title>Seoul</title><circle"))
        #expect(svg.contains(">Seoul</text>") && svg.contains(">Moscow</text>"))
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;&quot;x&quot;") && svg.contains("href=\"a/?b=1&amp;c=&quot;2&quot;\""))
        // The summit and Pyongyang share a spot; the summit is moved off it.
        #expect(svg.contains("places/pyongyang/") && svg.contains("meetings/2024-06-19-summit/"))
        let (spots, groups) = MapSVG.spread(MapDrawingTests.seedPoints, map.projection)
        #expect(groups[5] == groups[0] && spots[5] != spots[0] && LineSimplification.length(spots[5] - spots[0]) < 10)
        #expect(map.asset.path == "maps/20e-150e-20n-70n.svg")
    }

    @Test func withoutCoastlineDataAMapHasSeaAndGraticuleAndOneWarning() throws {
        let missing = temporaryFolder("no-coast") + "/binned_GSHHS_l.nc"
        let environment = [CoastlineSource.environmentKey: missing]
        #expect(CoastlineSource.path(environment: environment) == missing)
        #expect(CoastlineSource.path(environment: [:]) == CoastlineSource.debianPath)
        let (coastlines, warning) = CoastlineSource.forBuild(environment: environment)
        #expect(coastlines == nil)
        let message = try #require(warning).description
        #expect(message.contains(missing) && message.contains("gmt-gshhg-low") && message.contains(CoastlineSource.environmentKey))
        let map = try #require(PageMap(points: MapDrawingTests.seedPoints))
        let svg = map.asset.svg(coastlines: nil)
        #expect(svg == map.asset.svg(coastlines: nil))
        #expect(svg.contains("class=\"sea\"") && svg.contains("class=\"grid\""))
        #expect(!svg.contains("class=\"land\"") && !svg.contains("GSHHG"))
    }

    @Test func aFileThatIsNotGSHHGIsReportedNotCrashedOn() throws {
        let folder = temporaryFolder("bad-coast")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/binned_GSHHS_l.nc"
        try "not netCDF".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(.unreadable(let named, _)) = CoastlineSource.load(path: path) else {
            Issue.record("a text file read as coastlines")
            return
        }
        #expect(named == path)
        #expect(CoastlineSource.forBuild(environment: [CoastlineSource.environmentKey: path]).warning?.description.contains("not a GSHHG") == true)
    }
}
