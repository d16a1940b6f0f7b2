import Foundation
import Testing
@testable import DossierKit

/// `content/entities/places.yml`: places load with their coordinates and country, every
/// problem is reported at its line saying what to do, and a meeting's or an article's
/// `place:` names a place by its id or by its one name or alias.
@Suite struct PlaceRegistryTests {
    static let countries = "- id: north-korea\n  name: North Korea\n  aliases: [उत्तर कोरिया]\n- id: russia\n  name: Russia\n  aliases: [रूस]\n"

    func load(_ files: [String: String]) -> ContentLoader.Result {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(files.merging(["site.yml": "title: T\nbase_url: https://example.org/d/\n"]) { a, _ in a }, under: root + "/content")
        try? FileManager.default.createDirectory(atPath: root + "/content/articles", withIntermediateDirectories: true)
        var result = ContentLoader.load(root + "/content")
        result.diagnostics = result.diagnostics.map { var d = $0; d.file = d.file.replacingOccurrences(of: root + "/", with: ""); return d }
        return result
    }

    @Test func loadsPlacesWithCoordinatesAndCountry() throws {
        let result = load([
            "entities/countries.yml": Self.countries,
            "entities/places.yml": """
            - id: pyongyang
              name: Pyongyang
              aliases: [प्योंगयांग]
              country: north-korea
              lat: 39.03
              lon: 125.75
              wikidata: Q18808
            - id: indo-pacific
              name: Indo-Pacific
              aliases: [हिंद-प्रशांत क्षेत्र]
            - id: ottawa
              name: Ottawa
              lat: "+45.42"
              lon: -75.70
            """,
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let registry = result.content.registry
        let pyongyang = try #require(registry.entity(.place, "pyongyang"))
        #expect(pyongyang.kind == .place && pyongyang.country == "north-korea" && pyongyang.wikidata == "Q18808")
        #expect(pyongyang.lat == 39.03 && pyongyang.lon == 125.75)
        #expect(pyongyang.path == "places/pyongyang/")
        // A region without one point has no coordinates; signs may be written.
        #expect(registry.entity(.place, "indo-pacific")?.lat == nil && registry.entity(.place, "indo-pacific")?.lon == nil)
        #expect(registry.entity(.place, "ottawa")?.lat == 45.42 && registry.entity(.place, "ottawa")?.lon == -75.7)
    }

    @Test func reportsEveryPlaceProblemAtItsLineWithWhatToDo() {
        let result = load([
            "entities/countries.yml": Self.countries,
            "entities/places.yml": """
            - id: north-pole
              name: Beyond
              lat: 95
              lon: 200
            - id: swapped
              name: Swapped
              lat: 125.75
              lon: 39.03
            - id: sexagesimal
              name: Written in minutes
              lat: 39°01′N
              lon: 39,03
            - id: half
              name: Half
              lat: 39.03
            - id: misspelt-country
              name: Misspelt
              country: north-koria
            - id: half
              name: Again
              latitude: 1
            """,
        ])
        let messages = result.diagnostics.map(\.description)
        for expected in [
            "content/entities/places.yml:3: lat 95 is outside -90 to 90 (lat is north–south, from -90 to 90; lon east–west, from -180 to 180)",
            "content/entities/places.yml:4: lon 200 is outside -180 to 180 (lat is north–south, from -90 to 90; lon east–west, from -180 to 180)",
            "content/entities/places.yml:7: lat 125.75 is outside -90 to 90 (are lat and lon swapped? lat is north–south, from -90 to 90; lon east–west, from -180 to 180)",
            "content/entities/places.yml:11: lat \"39°01′N\" is not a number of decimal degrees (write it like 39.03, north positive and south negative)",
            "content/entities/places.yml:12: lon \"39,03\" is not a number of decimal degrees (write it like 125.75, east positive and west negative)",
            "content/entities/places.yml:15: lat is given without lon (give both, or neither for a place with no one point, such as a large region)",
            "content/entities/places.yml:16: unknown country \"north-koria\" in misspelt-country's country (did you mean north-korea?)",
            "content/entities/places.yml:19: duplicate place id \"half\" (first defined at line 13; rename or merge them)",
            "content/entities/places.yml:21: warning: unknown key \"latitude\" is ignored",
        ] {
            #expect(messages.contains { $0.hasPrefix(expected) }, "missing: \(expected)\nin:\n\(messages.joined(separator: "\n"))")
        }
        #expect(result.hasErrors)
        // Nothing that did not read is kept as a coordinate.
        #expect(result.content.registry.entities.allSatisfy { $0.lat == nil && $0.lon == nil })
    }

    /// A `place:` is a place id, or the one place whose name or alias it is, or free text;
    /// one written like a misspelt id is shown as text, with a warning.
    @Test func placeValuesNameAPlaceByIdNameOrAlias() {
        let result = load([
            "entities/countries.yml": Self.countries,
            "entities/places.yml": """
            - id: pyongyang
              name: Pyongyang
              aliases: [प्योंगयांग, P'yŏngyang]
            - id: georgia-us
              name: Georgia (US state)
              aliases: [जॉर्जिया]
            - id: tbilisi
              name: Tbilisi
              aliases: [जॉर्जिया]
            """,
            "entities/meetings.yml": """
            - id: 2024-11-29-talks
              name: Talks
              date: 2024-11-29
              place: pyongyan
            - id: 2024-10-21-call
              name: Call
              date: 2024-10-21
              place: By telephone
            """,
            "articles/a.md": "---\ntitle: T\ndate: 2024-11-30\nplace: pyongyan\n---\nbody\n",
        ])
        let registry = result.content.registry
        let pyongyang = registry.index(of: .place, "pyongyang")
        #expect(pyongyang != nil)
        for value in ["pyongyang", "Pyongyang", " PYONGYANG ", "प्योंगयांग", "p'yŏngyang"] {
            #expect(registry.place(named: value) == pyongyang, "\(value)")
        }
        // Free text, and a name two places share: no place.
        for value in ["By telephone", "जॉर्जिया", "", "pyongyan"] { #expect(registry.place(named: value) == nil, "\(value)") }
        #expect(registry.place(named: nil) == nil)
        #expect(result.diagnostics.map(\.description) == [
            "content/entities/meetings.yml:1: warning: place \"pyongyan\" is no registered place and is shown as written (did you mean pyongyang?)",
            "content/articles/a.md:4: warning: place \"pyongyan\" is no registered place and is shown as written (did you mean pyongyang?)",
        ])
    }
}
