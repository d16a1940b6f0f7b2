import Foundation
import Testing
@testable import DossierKit

/// Places on the built site: annotated like the other kinds (by hand and by alias), a page
/// each with its facts, meetings, datelined articles and mentions, linked from the meetings
/// held there and the articles datelined there, listed on their country's page, and in the
/// data files and the SQLite export with their coordinates.
@Suite(.serialized) struct PlacePagesTests {
    static let files: [String: String] = [
        "site.yml": "title: Places\nbase_url: https://example.org/p/\n",
        "entities/countries.yml": """
        - id: north-korea
          name: North Korea
          aliases: [उत्तर कोरिया]
        - id: russia
          name: Russia
          aliases: [रूस]
        """,
        "entities/people.yml": "- id: kim-jong-un\n  name: Kim Jong-un\n  aliases: [किम जोंग-उन]\n",
        "entities/organizations.yml": "- id: msu\n  name: Moscow State University\n  aliases: [मॉस्को स्टेट यूनिवर्सिटी]\n",
        "entities/places.yml": """
        - id: pyongyang
          name: Pyongyang
          aliases: [प्योंगयांग]
          country: north-korea
          wikidata: Q18808
          lat: 39.03
          lon: 125.75
        - id: moscow
          name: Moscow
          aliases: [मॉस्को]
          country: russia
          lat: 55.76
          lon: 37.62
        - id: far-east
          name: Russian Far East
          aliases: [सुदूर पूर्व]
          country: russia
        """,
        "entities/meetings.yml": """
        - id: 2024-11-29-talks
          name: Talks in Pyongyang
          date: 2024-11-29
          place: pyongyang
          participants: [kim-jong-un]
        - id: 2024-06-19-summit
          name: Summit
          date: 2024-06-19
          place: Pyongyang
        - id: 2024-10-21-call
          name: Call
          date: 2024-10-21
          place: By telephone
        """,
        "articles/a1.md": """
        ---
        title: "प्योंगयांग में बातचीत"
        date: 2024-11-30
        source: NDTV
        place: pyongyang
        meetings: [2024-11-29-talks]
        ---
        किम जोंग-उन ने [प्योंगयांग](place:pyongyang) में कहा। फिर मॉस्को और सुदूर पूर्व की बात हुई।

        मॉस्को स्टेट यूनिवर्सिटी ने भी कहा।
        """,
        "articles/a2.md": "---\ntitle: \"मॉस्को से\"\ndate: 2024-11-01\nplace: मॉस्को\n---\nप्योंगयांग और रूस।\n",
        "articles/a3.md": "---\ntitle: \"कहीं से\"\ndate: 2024-10-01\nplace: कहीं\n---\nरूस।\n",
    ]

    /// Builds the fixture once per test; returns the content folder and the site.
    func build(_ extra: [String: String] = [:]) throws -> (content: String, site: String) {
        let root = temporaryFolder("places")
        writeFiles(Self.files.merging(extra) { _, new in new }, under: root + "/content")
        try SiteBuilder.build(BuildOptions(content: root + "/content", templates: repositoryRoot + "/templates", output: root + "/public"))
        return (root + "/content", root + "/public")
    }

    func page(_ site: String, _ path: String) -> String {
        (try? String(contentsOfFile: site + "/" + path, encoding: .utf8)) ?? ""
    }

    @Test func placesAreAnnotatedByHandAndByAliasButNotInsideALongerName() throws {
        let (content, _) = try build()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let analysis = SiteBuilder.analyse(contentDirectory: content)
        let registry = analysis.content.registry
        let a1 = analysis.annotated[0]
        let linked = a1.mentions.map { "\(a1.text(of: $0))=\(registry[$0.entity].kind.rawValue):\(registry[$0.entity].id):\($0.auto)" }
        #expect(linked == ["किम जोंग-उन=person:kim-jong-un:true", "प्योंगयांग=place:pyongyang:false", "मॉस्को=place:moscow:true",
                           "सुदूर पूर्व=place:far-east:true", "मॉस्को स्टेट यूनिवर्सिटी=org:msu:true"])
        #expect(a1.linkedHTML(registry).contains("<a class=\"mention mention-place\" id=\"m2\" href=\"../../places/pyongyang/index.html\""))
        #expect(a1.linkedHTML(registry).contains("data-entity=\"place:moscow\">मॉस्को</a>"))
    }

    @Test func anUnknownPlaceAnnotationIsAnErrorWithASuggestion() throws {
        let root = temporaryFolder("places")
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(Self.files.merging(["articles/a3.md": "---\ntitle: T\ndate: 2024-10-01\n---\n[प्योंगयांग](place:pyongyan) में।\n"]) { _, new in new },
                   under: root + "/content")
        let messages = SiteBuilder.analyse(contentDirectory: root + "/content").diagnostics.map(\.description)
        #expect(messages.contains { $0.hasSuffix("content/articles/a3.md:5: unknown place \"pyongyan\" (did you mean pyongyang?)") }, "\(messages)")
    }

    @Test func aPlacePageShowsItsFactsMeetingsDatelinesAndMentions() throws {
        let (content, site) = try build()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let pyongyang = page(site, "places/pyongyang/index.html")
        #expect(pyongyang.contains("<p class=\"kind\" lang=\"en\">place</p>"))
        #expect(pyongyang.contains("<dt>Country</dt><dd><a href=\"../../countries/north-korea/index.html\">North Korea</a></dd>"))
        #expect(pyongyang.contains("<dt>Coordinates</dt><dd><data class=\"coordinates\" value=\"39.03,125.75\">39.03° N, 125.75° E</data></dd>"))
        #expect(pyongyang.contains("https://www.wikidata.org/wiki/Q18808"))
        // Both meetings held there, by id and by name; not the telephone call.
        #expect(pyongyang.contains("<h2>Meetings held here</h2>"))
        #expect(pyongyang.contains("meetings/2024-06-19-summit/index.html") && pyongyang.contains("meetings/2024-11-29-talks/index.html"))
        #expect(!pyongyang.contains("2024-10-21-call"))
        // The article datelined there, and the sentences that mention it (two articles).
        let datelined = try #require(pyongyang.components(separatedBy: "<h2>Datelined here</h2>").last)
        #expect(datelined.hasPrefix("\n<ul class=\"plain\"><li><a href=\"../../articles/a1/index.html\">प्योंगयांग में बातचीत</a>"))
        #expect(!datelined.prefix(400).contains("articles/a2/"))
        #expect(pyongyang.contains("<dt>Mentions</dt><dd>2 in 2 articles</dd>"))
        #expect(pyongyang.contains("href=\"../../articles/a2/index.html#m1\">प्योंगयांग</a></mark>"))
        // The timeline shows the meetings held there.
        #expect(pyongyang.contains("Meetings held there, and its mentions per month"))
        // Moscow: datelined by its alias; a region without coordinates has none.
        #expect(page(site, "places/moscow/index.html").contains("<h2>Datelined here</h2>\n<ul class=\"plain\"><li><a href=\"../../articles/a2/index.html\">"))
        #expect(!page(site, "places/far-east/index.html").contains("Coordinates"))
        // The index of places, and the navigation.
        let index = page(site, "places/index.html")
        #expect(index.contains("<h1 lang=\"en\">Places</h1>") && index.contains("places/pyongyang/index.html"))
        #expect(page(site, "index.html").contains("<a href=\"places/index.html\">Places</a>"))
    }

    @Test func meetingsAndArticlesLinkTheirRegisteredPlaceAndShowFreeTextAsWritten() throws {
        let (content, site) = try build()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let placeLink = "<dt>Place</dt><dd><a class=\"chip chip-place\" href=\"../../places/pyongyang/index.html\">Pyongyang</a></dd>"
        #expect(page(site, "meetings/2024-11-29-talks/index.html").contains(placeLink))
        #expect(page(site, "meetings/2024-06-19-summit/index.html").contains(placeLink))
        #expect(page(site, "meetings/2024-10-21-call/index.html").contains("<dt>Place</dt><dd>By telephone</dd>"))
        #expect(page(site, "articles/a1/index.html").contains(" · <a class=\"place\" href=\"../../places/pyongyang/index.html\">Pyongyang</a>"))
        #expect(page(site, "articles/a2/index.html").contains(" · <a class=\"place\" href=\"../../places/moscow/index.html\">Moscow</a>"))
        #expect(page(site, "articles/a3/index.html").contains(" · <span lang=\"hi\">कहीं</span>"))
        // The article's aside groups its places like the other kinds.
        #expect(page(site, "articles/a1/index.html").contains("<h2>Places</h2>"))
        // A country's page lists its places.
        let russia = page(site, "countries/russia/index.html")
        #expect(russia.contains("<h2>Places</h2>") && russia.contains("places/moscow/index.html") && russia.contains("places/far-east/index.html"))
        #expect(!page(site, "countries/north-korea/index.html").contains("places/moscow/"))
    }

    @Test func dataFilesAndTheExportHoldPlacesWithCoordinates() throws {
        let (content, site) = try build()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let entities = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site + "/data/entities.json"))) as! [[String: Any]]
        let pyongyang = try #require(entities.first { $0["type"] as? String == "place" && $0["id"] as? String == "pyongyang" })
        #expect(pyongyang["lat"] as? Double == 39.03 && pyongyang["lon"] as? Double == 125.75 && pyongyang["country"] as? String == "north-korea")
        #expect(pyongyang["url"] as? String == "places/pyongyang/" && pyongyang["mentions"] as? Int == 2)
        let farEast = try #require(entities.first { $0["id"] as? String == "far-east" })
        #expect(farEast["lat"] is NSNull && farEast["lon"] is NSNull)
        let graphML = page(site, "data/network.graphml")
        #expect(graphML.contains("<node id=\"place:pyongyang\"><data key=\"label\">Pyongyang</data>"))
        #expect(graphML.contains("<data key=\"lat\">39.03</data><data key=\"lon\">125.75</data></node>"))

        let analysis = SiteBuilder.analyse(contentDirectory: content)
        let path = (content as NSString).deletingLastPathComponent + "/dossier.db"
        try DossierExport.sqlite(analysis, to: path)
        let database = try SQLiteDatabase(creating: path)
        func rows(_ sql: String) throws -> [[String?]] { try database.prepare(sql).rows() }
        #expect(try rows("SELECT lat, lon, country FROM entities WHERE key = 'place:pyongyang'") == [["39.03", "125.75", "country:north-korea"]])
        #expect(try rows("SELECT entity, place, place_entity FROM meetings ORDER BY entity") == [
            ["meeting:2024-06-19-summit", "Pyongyang", "place:pyongyang"], ["meeting:2024-10-21-call", "By telephone", nil],
            ["meeting:2024-11-29-talks", "pyongyang", "place:pyongyang"]])
        #expect(try rows("SELECT id, place, place_entity FROM articles ORDER BY id") == [
            ["a1", "pyongyang", "place:pyongyang"], ["a2", "मॉस्को", "place:moscow"], ["a3", "कहीं", nil]])
        #expect(try rows("PRAGMA foreign_key_check").isEmpty)
    }

    /// What a map on each page would draw: places with coordinates, their pages and the
    /// meetings held there.
    @Test func eachPageSMapLocationsAreItsPlacesWithCoordinates() throws {
        let (content, _) = try build()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let analysis = SiteBuilder.analyse(contentDirectory: content)
        let graph = SiteGraph(content: analysis.content, annotated: analysis.annotated)
        let registry = analysis.content.registry
        func names(_ page: SitePage) -> [String] { graph.locations(for: page).map(\.name) }
        // Every place with coordinates (the region without any is left out).
        #expect(names(.home) == ["Moscow", "Pyongyang"])
        #expect(names(.entityIndex(.place)) == ["Moscow", "Pyongyang"])
        #expect(names(.entityIndex(.meeting)) == ["Pyongyang"])
        #expect(names(.entity(registry.index(of: .country, "russia")!, page: 1)) == ["Moscow"])
        #expect(names(.entity(registry.index(of: .meeting, "2024-11-29-talks")!, page: 1)) == ["Pyongyang"])
        #expect(names(.entity(registry.index(of: .meeting, "2024-10-21-call")!, page: 1)) == [])
        #expect(names(.entity(registry.index(of: .person, "kim-jong-un")!, page: 1)) == [])
        let pyongyang = try #require(graph.locations(for: .entity(registry.index(of: .place, "pyongyang")!, page: 1)).first)
        #expect(pyongyang.lat == 39.03 && pyongyang.lon == 125.75 && pyongyang.path == "places/pyongyang/index.html")
        #expect(pyongyang.native == "प्योंगयांग")
        #expect(pyongyang.meetings.map(\.path) == ["meetings/2024-06-19-summit/index.html", "meetings/2024-11-29-talks/index.html"])
        #expect(pyongyang.meetings.map(\.date) == ["2024-06-19", "2024-11-29"])
    }
}
