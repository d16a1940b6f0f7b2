import Testing
@testable import DossierKit

/// `dossier check --suggest`: names the registry lacks, from cues in the articles.
@Suite struct ImportNameSuggesterTests {
    /// The seed registry without its places, so that the cues have places to find.
    static let registry: Registry = {
        let (entities, _) = RegistryLoader.load(entitiesDirectory: ImportTestKit.seedContent + "/entities", displayPrefix: "entities")
        return Registry(entities.filter { $0.kind != .place })
    }()

    func content(_ articles: [Article]) -> Content {
        Content(site: SiteConfig(), registry: ImportNameSuggesterTests.registry, articles: articles)
    }

    func article(_ id: String, _ body: String, title: String = "शीर्षक", place: String? = nil) -> Article {
        Article(id: id, title: title, date: "2024-11-05", place: place, body: body, file: "content/articles/\(id).md",
                bodyLine: 8, keyLines: ["title": 2, "place": 5])
    }

    @Test func findsPeopleAfterRolesWithCountsAndArticles() throws {
        let suggestions = NameSuggester.suggest(content([
            article("a1", "रूसी विदेश मंत्री सर्गेई लावरोव ने कहा कि बातचीत अच्छी रही।\n\nश्री शोइगु भी मौजूद थे।"),
            article("a2", "इसके बाद सर्गेई लावरोव प्योंगयांग के लिए रवाना हुए।"),
        ]))
        let lavrov = try #require(suggestions.first { $0.text == "सर्गेई लावरोव" })
        #expect(lavrov.kind == .person)
        #expect(lavrov.count == 2)
        #expect(lavrov.articles == ["a1", "a2"])
        #expect(lavrov.cue == "मंत्री सर्गेई लावरोव")
        #expect(lavrov.file == "content/articles/a1.md" && lavrov.line == 8)
        // Registered people are not suggested.
        #expect(!suggestions.contains { $0.text.contains("शोइगु") })
    }

    @Test func aNameThatRunsOnIsCutToItsCommonForm() {
        let suggestions = NameSuggester.suggest(content([
            article("a1", "उत्तर कोरिया की विदेश मंत्री चोए सोन-हुई मॉस्को पहुंचीं।\n\nविदेश मंत्री चोए सोन-हुई सोमवार को लौटीं।"),
        ]))
        #expect(suggestions.contains { $0.text == "चोए सोन-हुई" && $0.kind == .person && $0.count == 2 })
        #expect(!suggestions.contains { $0.text.hasSuffix(" मॉस्को") || $0.text.hasSuffix(" सोमवार") })
    }

    @Test func findsPlacesAroundPlaceWordsAndInDatelines() {
        let suggestions = NameSuggester.suggest(content([
            article("a1", "शोइगु ने राजधानी प्योंगयांग का दौरा किया।\n\nदोनों पक्ष कुर्स्क क्षेत्र पर बात कर रहे थे।", place: "सोल"),
            article("a2", "कोई विदेशी डेलिगेशन प्योंगयांग पहुंचा। फिर वे उत्तर कोरिया पहुंचे।"),
        ]))
        let places = Dictionary(suggestions.filter { $0.kind == .place }.map { ($0.text, $0.count) }, uniquingKeysWith: +)
        #expect(places == ["प्योंगयांग": 2, "कुर्स्क": 1, "सोल": 1])
    }

    @Test func findsLatinScriptNames() {
        let suggestions = NameSuggester.suggest(content([
            article("a1", "SRK से मोहब्बत करते हैं Rinku Singh, और KCNA ने कहा कि Koo Byoung-sam बोले।"),
        ]))
        let names = Set(suggestions.map(\.text))
        #expect(names == ["SRK", "Rinku Singh", "Koo Byoung-sam"])
    }

    @Test func theReportListsEachCandidateWithWhereItWasFound() {
        let text = NameSuggester.report(content([article("a1", "रूसी विदेश मंत्री सर्गेई लावरोव ने कहा।")]))
        #expect(text.contains("1×  person  सर्गेई लावरोव"))
        #expect(text.contains("content/articles/a1.md:8"))
        #expect(text.contains("in 1 article: a1"))
        #expect(NameSuggester.report(content([article("a1", "किम जोंग-उन ने कहा।")])).hasPrefix("No unregistered names"))
    }

    /// On the seed dossier, nothing: every person and place is registered. Without its
    /// places, the places only (every person is registered), Pyongyang first.
    @Test func onTheSeedDossier() {
        var content = ContentLoader.load(ImportTestKit.seedContent).content
        #expect(NameSuggester.suggest(content).isEmpty, "\(NameSuggester.suggest(content))")
        content.registry = ImportNameSuggesterTests.registry
        let suggestions = NameSuggester.suggest(content)
        #expect(!suggestions.contains { $0.kind == .person })
        let pyongyang = suggestions.first { $0.text == "प्योंगयांग" }
        #expect(pyongyang?.articles.count == 5)
        #expect(suggestions.first?.text == "प्योंगयांग")
        // "By telephone", a meeting's free-text place, is no name.
        #expect(!suggestions.contains { $0.text.contains("telephone") })
        // No event, time or field taken for a place.
        #expect(!suggestions.contains { ["समय", "बैठक", "रक्षा"].contains($0.text) })
    }

    @Test func findsPlacesBeforeCityRegionAndEventWordsAndInABodyDateline() {
        let suggestions = NameSuggester.suggest(content([
            article("a1", "व्लादिवोस्तोक, 25 अप्रैल (भाषा)। किम जोंग-उन की पुतिन से मुलाकात हुई।\n\nयह वार्ता खाबारोव्स्क शहर में नहीं हुई।"),
            article("a2", "दोनों नेताओं की बैठक हनोई में हुई। अगली बैठक बर्लिन में आयोजित होगी।\n\nयह बैठक में हुई चर्चा थी, ऐसे समय में हुई जब रक्षा क्षेत्र में तनाव था।"),
        ]))
        let places = Dictionary(suggestions.filter { $0.kind == .place }.map { ($0.text, $0.cue) }, uniquingKeysWith: { a, _ in a })
        #expect(places == ["व्लादिवोस्तोक": "dateline व्लादिवोस्तोक", "खाबारोव्स्क": "खाबारोव्स्क शहर", "हनोई": "हनोई में हुई",
                           "बर्लिन": "बर्लिन में आयोजित"])
    }

    /// A meeting's `place:` that names no registered place, and reads as a name, is a
    /// candidate, with the meetings held there.
    @Test func findsTheFreeTextPlacesOfMeetings() throws {
        var entities = ImportNameSuggesterTests.registry.entities
        entities.append(Entity(kind: .place, id: "pyongyang", name: "Pyongyang", aliases: ["प्योंगयांग"]))
        for (id, place) in [("m1", "Vladivostok"), ("m2", "Vladivostok"), ("m3", "By telephone"), ("m4", "pyongyang"), ("m5", "प्योंगयांग")] {
            entities.append(Entity(kind: .meeting, id: id, name: id, date: "2019-04-25", place: place, file: "content/entities/meetings.yml", line: 3))
        }
        let suggestions = NameSuggester.suggest(Content(site: SiteConfig(), registry: Registry(entities), articles: []))
        #expect(suggestions.map(\.text) == ["Vladivostok"])
        let vladivostok = try #require(suggestions.first)
        #expect(vladivostok.kind == .place && vladivostok.count == 2 && vladivostok.meetings == ["m1", "m2"] && vladivostok.articles.isEmpty)
        #expect(vladivostok.cue == "place: Vladivostok" && vladivostok.file == "content/entities/meetings.yml" && vladivostok.line == 3)
    }

    /// The report ends with the places as places.yml entries: they load as they are, one
    /// entry for the spellings of one name, with ids unique beside the registered places.
    @Test func proposesThePlacesAsEntriesForPlacesYAML() throws {
        var entities = ImportNameSuggesterTests.registry.entities
        entities.append(Entity(kind: .place, id: "kursk", name: "Kursk"))
        entities.append(Entity(kind: .meeting, id: "m1", name: "Talks", date: "2024-11-29", place: "Pyongyang"))
        let content = Content(site: SiteConfig(), registry: Registry(entities), articles: [
            article("a1", "शोइगु ने राजधानी प्योंगयांग का दौरा किया।\n\nदोनों पक्ष कुर्स्क क्षेत्र पर बात कर रहे थे।", place: "सियोल"),
        ])
        let report = NameSuggester.report(content)
        let marker = "Proposed for content/entities/places.yml"
        let proposal = try #require(report.components(separatedBy: marker).last?.split(separator: "\n", maxSplits: 1).last.map(String.init))
        #expect(report.contains(marker + " (nothing was written"))
        let (loaded, diagnostics) = RegistryLoader.parse(proposal, kind: .place, file: "places.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)\n\(proposal)")
        let byID = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id, $0) })
        #expect(Set(byID.keys) == ["pyongyang", "siyol", "kursk-2"], "\(proposal)")
        #expect(byID["pyongyang"]?.name == "Pyongyang" && Set(byID["pyongyang"]?.aliases ?? []) == ["प्योंगयांग", "Pyongyang"])
        #expect(byID["kursk-2"]?.aliases == ["कुर्स्क"] && byID["siyol"]?.name == "Siyol")
        #expect(proposal.contains("  # country:\n  # lat:\n  # lon:"))
    }
}
