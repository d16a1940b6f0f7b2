import Foundation
import Testing
@testable import DossierKit

/// The second tier of alias matching: spelling variants, derived forms and completed names
/// (README, "How variant matching works").
@Suite struct VariantMatchingTests {
    static let registry = Registry([
        person("kim-jong-un", "Kim Jong-un", ["किम जोंग-उन", "किम जोंग", "किम"]),
        person("kim-yong-hyun", "Kim Yong-hyun", ["किम योंग-ह्यून", "किम"]),
        person("vladimir-putin", "Vladimir Putin", ["पुतिन"]),
        person("vladimir-kolokoltsev", "Vladimir Kolokoltsev", ["व्लादिमीर कोलोकोल्त्सेव"]),
        person("volodymyr-zelenskyy", "Volodymyr Zelenskyy", ["वोलोदिमीर ज़ेलेंस्की", "ज़ेलेंस्की"]),
        person("yoon-suk-yeol", "Yoon Suk-yeol", ["इउन सुक-योल", "युन"]),
        person("mike-pompeo", "Mike Pompeo", ["माइक पोम्पियो"]),
        person("park-sun-won", "Park Sun-won", ["पार्क सुन-वोन"]),
        person("li-hongzhong", "Li Hongzhong", ["ली होंगझोंग"]),
        person("lee-seong-kweun", "Lee Seong-kweun", ["ली सेओंग-क्वेउन"]),
        country("north-korea", "North Korea", ["उत्तर कोरिया", "नॉर्थ कोरिया"]),
        country("ukraine", "Ukraine", ["यूक्रेन"]),
        country("united-states", "United States", ["अमेरिका"]),
        Entity(kind: .org, id: "nis", name: "National Intelligence Service", aliases: ["NIS", "राष्ट्रीय खुफिया सेवा"]),
        Entity(kind: .org, id: "kcna", name: "Korean Central News Agency", aliases: ["केसीएनए"]),
        Entity(kind: .org, id: "jcs", name: "Joint Chiefs of Staff", aliases: ["जॉइंट चीफ्स ऑफ स्टाफ"]),
    ])
    static let matcher = AliasMatcher(registry: registry)

    /// (surface, entity id) of every match.
    func found(_ text: String, _ matcher: AliasMatcher = Self.matcher, _ registry: Registry = Self.registry) -> [String] {
        let text = TextNormalization.nfc(text)
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map { match in
            let alias = matcher.aliases[Int(match.alias)]
            let who = alias.entities.map { registry[$0].id }.joined(separator: "|")
            return String(decoding: bytes[match.start..<match.end], as: UTF8.self) + "=" + who
        }
    }

    @Test func separatorsBetweenTheParts() {
        #expect(found("किम जोंग उन ने कहा") == ["किम जोंग उन=kim-jong-un"])
        #expect(found("किमजोंगउन ने") == ["किमजोंगउन=kim-jong-un"])
        #expect(found("किम जोंग\u{200D}उन और किम\u{200C}जोंग-उन") == ["किम जोंग\u{200D}उन=kim-jong-un", "किम\u{200C}जोंग-उन=kim-jong-un"])
        #expect(found("पार्क सुनवोन ने") == ["पार्क सुनवोन=park-sun-won"])
        // Still whole words: `उनके` ("his") after the name is another word.
        #expect(found("किम जोंग उनके साथ") == ["किम जोंग=kim-jong-un"])
        #expect(found("किम जोंग ने") == ["किम जोंग=kim-jong-un"])
    }

    @Test func vowelLengthNasalsNuktaAndVaBa() {
        #expect(found("युक्रेन ने") == ["युक्रेन=ukraine"])                    // ु for ू
        #expect(found("उक्रेन") == [])                                        // but not another letter
        #expect(found("किम जॉन्ग उन") == ["किम जॉन्ग उन=kim-jong-un"])          // ॉ, न् for ो, ं
        #expect(found("जेलेंस्की ने") == ["जेलेंस्की=volodymyr-zelenskyy"])        // no nukta
        #expect(found("\u{095B}ेलेंस्की") == ["\u{095B}ेलेंस्की=volodymyr-zelenskyy"]) // precomposed ज़
        #expect(found("बोलोदिमीर ज़ेलेंस्की") == ["बोलोदिमीर ज़ेलेंस्की=volodymyr-zelenskyy"]) // ब for व
        #expect(found("माइक पोम्पिओ") == ["माइक पोम्पिओ=mike-pompeo"])          // ियो / िओ
        #expect(found("ज्वाइंट चीफ्स ऑफ स्टाफ") == ["ज्वाइंट चीफ्स ऑफ स्टाफ=jcs"])   // ्वा for ॉ
        #expect(found("नार्थ कोरिया") == ["नार्थ कोरिया=north-korea"])            // ा for ॉ
        #expect(found("ली हॉन्गझोंग") == ["ली हॉन्गझोंग=li-hongzhong"])
    }

    /// An outlet respells one part of a name and not another, leaves off an English plural's
    /// `्स`, or writes a nasal sign the alias has not.
    @Test func mixedRespellingsPluralsAndNasalSigns() {
        #expect(found("ज्वाइंट चीफ आफ स्टाफ ने") == ["ज्वाइंट चीफ आफ स्टाफ=jcs"])
        #expect(found("जॉइंट चीफ ऑफ स्टाफ ने") == ["जॉइंट चीफ ऑफ स्टाफ=jcs"])
        #expect(found("जाइंट चीफ्स ऑफ स्टाफ") == ["जाइंट चीफ्स ऑफ स्टाफ=jcs"])
        // `्स` is left off only in a name of two words or more, and only at a word's end.
        #expect(LooseSpelling.respellings(TextNormalization.nfc("टाइम्स")) == [])
        #expect(LooseSpelling.respellings(TextNormalization.nfc("हिंदुस्तान टाइम्स")) == [TextNormalization.nfc("हिंदुस्तान टाइम")])
        #expect(LooseSpelling.respellings(TextNormalization.nfc("रूसी सेना")) == [])
        // Every mix, or past `mixes` each kind everywhere at once.
        #expect(LooseSpelling.respellings(TextNormalization.nfc("जॉइंट चीफ्स ऑफ स्टाफ")).count == 11)
        let many = TextNormalization.nfc("कॉ कॉ कॉ कॉ")  // 3^4 - 1 = 80 mixes
        #expect(LooseSpelling.respellings(many) == [TextNormalization.nfc("का का का का"), TextNormalization.nfc("क्वा क्वा क्वा क्वा")])
        let registry = Registry([
            person("kim-yo-jong", "Kim Yo-jong", ["किम यो-जोंग"]),
            person("kim-jong-un", "Kim Jong-un", ["किम जोंग-उन", "जोंग"]),
            person("kim-yong-hyun", "Kim Yong-hyun", ["किम योंग-ह्यून"]),
        ])
        let matcher = AliasMatcher(registry: registry)
        // Also where another name goes on with the nasal (`किम योंग-ह्यून`).
        #expect(found("किम यों जोंग ने कहा", matcher, registry) == ["किम यों जोंग=kim-yo-jong"])
        #expect(found("किम योंग ह्यून ने कहा", matcher, registry) == ["किम योंग ह्यून=kim-yong-hyun"])
        // A nasal sign is passed over inside a name only: not at its end.
        #expect(found("किम यो जोंगं ने", matcher, registry) == [])
    }

    @Test func derivedFormsAcronymsAndAdjectives() {
        #expect(found("एनआईएस के अनुसार") == ["एनआईएस=nis"])
        #expect(found("KCNA ने बताया") == ["KCNA=kcna"])
        #expect(found("यूक्रेनी सेना, अमेरिकी अधिकारी, उत्तर कोरियाई सैनिक") ==
                ["यूक्रेनी=ukraine", "अमेरिकी=united-states", "उत्तर कोरियाई=north-korea"])
    }

    @Test func aCompassWordAsNounOrAdjectiveBeginsTheSameName() {
        #expect(LooseSpelling.compassForms(TextNormalization.nfc("उत्तर कोरिया")) == [TextNormalization.nfc("उत्तरी कोरिया"), TextNormalization.nfc("उ. कोरिया")])
        #expect(LooseSpelling.compassForms(TextNormalization.nfc("दक्षिणी अफ्रीका")) == [TextNormalization.nfc("दक्षिण अफ्रीका")])
        #expect(LooseSpelling.compassForms(TextNormalization.nfc("उत्तर")) == [])
        #expect(LooseSpelling.compassForms(TextNormalization.nfc("नॉर्थ कोरिया")) == [])
        #expect(found("उत्तरी कोरिया ने कहा") == ["उत्तरी कोरिया=north-korea"])
        #expect(found("उत्तरी कोरियाई सैनिक") == ["उत्तरी कोरियाई=north-korea"])
        // The adjective alone is no place, and a compass word before another word is no name.
        #expect(found("उत्तरी इलाके में") == [])
        #expect(found("उत्तरी यूक्रेन में") == ["यूक्रेन=ukraine"])
        // Only places: a person's or organisation's alias is not respelled.
        let registry = Registry([Entity(kind: .org, id: "eastern-command", name: "Eastern Command", aliases: ["पूर्व कमान"])])
        #expect(found("पूर्वी कमान", AliasMatcher(registry: registry), registry) == [])
    }

    /// A compass word abbreviated (`उ. कोरिया`); an organisation's initials, a country's where
    /// they are its ISO code, and their letter names: Latin forms match in their case only.
    @Test func abbreviationsAndInitials() {
        #expect(found("उ. कोरिया और उ.कोरिया के सैनिक") == ["उ. कोरिया=north-korea", "उ.कोरिया=north-korea"])
        #expect(found("उ. प्रदेश में") == [])
        let registry = Registry([
            Entity(kind: .org, id: "united-nations", name: "United Nations", aliases: ["संयुक्त राष्ट्र"]),
            Entity(kind: .org, id: "ria-novosti", name: "RIA Novosti", aliases: ["आरआईए नोवोस्ती"]),
            Entity(kind: .country, id: "united-states", name: "United States", aliases: ["अमेरिका"], iso: "US"),
            Entity(kind: .country, id: "south-korea", name: "South Korea", aliases: ["दक्षिण कोरिया"], iso: "KR"),
        ])
        let matcher = AliasMatcher(registry: registry)
        #expect(found("UN और US ने कहा", matcher, registry) == ["UN=united-nations", "US=united-states"])
        #expect(found("यूएन और यूएस", matcher, registry) == ["यूएन=united-nations", "यूएस=united-states"])
        #expect(found("join us at un or Un", matcher, registry) == [])
        #expect(found("SK और RN", matcher, registry) == [])
        #expect(LooseSpelling.initials("Joint Chiefs of Staff") == "JCS")
        // A doubled Latin letter is one; a Latin surname is a short form capitalised only.
        let zelenskyy = Registry([person("volodymyr-zelenskyy", "Volodymyr Zelenskyy", ["Zelenskyy"])])
        #expect(found("Zelensky और Zelenskyy", AliasMatcher(registry: zelenskyy), zelenskyy)
            == ["Zelensky=volodymyr-zelenskyy", "Zelenskyy=volodymyr-zelenskyy"])
        #expect(LooseSpelling.fold("Gaddafi") == LooseSpelling.fold("Gadafi"))
        #expect(LooseSpelling.initials("RIA Novosti") == nil)
        #expect(LooseSpelling.initials("Russia") == nil)
    }

    @Test func pinyinSpellingsCompleteAChineseName() {
        // `च`/`ज` and `ch`/`j` are one; a Latin `x` that starts a word is `s` (`Xi` is `शी`).
        #expect(NameSkeleton.of(TextNormalization.nfc("चिनफिंग")) == NameSkeleton.of("Jinping"))
        #expect(NameSkeleton.of(TextNormalization.nfc("शी")) == NameSkeleton.of("Xi"))
        #expect(NameSkeleton.of("Alex") == Array("_lks".utf8))
        let registry = Registry([person("xi-jinping", "Xi Jinping", ["शी जिनपिंग"])])
        let matcher = AliasMatcher(registry: registry)
        #expect(found("शी चिनफिंग ने कहा", matcher, registry) == ["शी चिनफिंग=xi-jinping"])
        #expect(found("शी जिनपिंग ने", matcher, registry) == ["शी जिनपिंग=xi-jinping"])
        // The surname alone, or before another word, is not the name.
        #expect(found("शी ने कहा", matcher, registry) == [])
        #expect(found("शी चांग ने", matcher, registry) == [])
    }

    @Test func aGivenNameBeforeARegisteredSurnameIsLinkedWhole() {
        #expect(found("व्लादिमीर पुतिन ने कहा") == ["व्लादिमीर पुतिन=vladimir-putin"])
        #expect(found("व्लादिमिर पुतिन") == ["व्लादिमिर पुतिन=vladimir-putin"])
        #expect(found("वलोडिमिर ज़ेलेंस्की") == ["वलोडिमिर ज़ेलेंस्की=volodymyr-zelenskyy"])
        // Another word before the surname is not the given name.
        #expect(found("श्री पुतिन") == ["पुतिन=vladimir-putin"])
        // A given name alone never resolves: it begins two people's names.
        #expect(found("व्लादिमीर ने कहा") == [])
        #expect(found("व्लादिमीर कोलकोल्टसेव ने") == ["व्लादिमीर कोलकोल्टसेव=vladimir-kolokoltsev"])
        // Korean order: the surname first (`यूं`, a common word alone), then the given name.
        #expect(found("यूं सुक येओल ने") == ["यूं सुक येओल=yoon-suk-yeol"])
        #expect(found("यूं सूक योल") == ["यूं सूक योल=yoon-suk-yeol"])
        #expect(found("पार्क सन-वोन ने") == ["पार्क सन-वोन=park-sun-won"])
        #expect(found("ली सेओंग क्वेन") == ["ली सेओंग क्वेन=lee-seong-kweun"])
    }

    @Test func aVariantThatIsACommonWordIsNotUsed() {
        #expect(AliasMatcher.commonWords.contains("यूं"))
        #expect(found("यूं तो यह पुरानी बात है") == [])
        #expect(found("यूं ही") == [])
        // The alias as written still is.
        #expect(found("युन ने कहा") == ["युन=yoon-suk-yeol"])
    }

    @Test func anExactAliasWinsAndASharedVariantIsAmbiguous() {
        let registry = Registry([
            person("lee-min", "Lee Min", ["ली-मिन"]),
            person("li-meen", "Li Meen", ["ली मीन"]),
        ])
        let matcher = AliasMatcher(registry: registry)
        #expect(found("ली-मिन", matcher, registry) == ["ली-मिन=lee-min"])
        #expect(found("ली मीन", matcher, registry) == ["ली मीन=li-meen"])
        #expect(found("लीमिन", matcher, registry) == ["लीमिन=lee-min|li-meen"])
        // Bare किम stays ambiguous, spelled as the alias or not.
        #expect(found("किम ने") == ["किम=kim-jong-un|kim-yong-hyun"])
    }

    @Test func variantsFalseKeepsOnlyTheAliasesAsWritten() {
        var putin = person("vladimir-putin", "Vladimir Putin", ["पुतिन"])
        putin.variants = false
        var ukraine = country("ukraine", "Ukraine", ["यूक्रेन"])
        ukraine.variants = false
        let registry = Registry([putin, ukraine])
        let matcher = AliasMatcher(registry: registry)
        #expect(found("व्लादिमीर पुतिन, यूक्रेनी, पूतिन", matcher, registry) == ["पुतिन=vladimir-putin"])
        let (entities, diagnostics) = RegistryLoader.parse("- id: x\n  name: X Y\n  aliases: [एक्स]\n  variants: false\n", kind: .person, file: "p.yml")
        #expect(diagnostics.isEmpty && entities.first?.variants == false)
    }

    @Test func theAnnotatorLinksAVariantAndCheckListsIt() throws {
        let annotator = Annotator(registry: Self.registry)
        let body = "व्लादिमीर पुतिन ने किम जोंग उन से बात की। [यूं](none:) तो पुतिन ने कहा।"
        let annotated = annotator.annotate(article(body))
        #expect(annotated.mentions.map { annotated.text(of: $0) } == ["व्लादिमीर पुतिन", "किम जोंग उन", "पुतिन"])
        #expect(annotated.linkedHTML(Self.registry).contains("title=\"Vladimir Putin\""))
        let content = Content(site: SiteConfig(), registry: Self.registry, articles: [article(body)])
        let analysis = Analysis(content: content, annotated: [annotated], diagnostics: [])
        let variants = VariantReport.variants(analysis)
        #expect(variants.map { Self.registry[$0.entity].id } == ["kim-jong-un", "vladimir-putin"])
        #expect(variants.flatMap(\.surfaces).map(\.text) == ["किम जोंग उन", "व्लादिमीर पुतिन"])
        #expect(VariantReport.report(analysis).contains("person:vladimir-putin: व्लादिमीर पुतिन ×1 (a1)"))
    }

    /// Separators cost nothing to skip but must not be read again from every word start:
    /// long runs of them (and of one-letter words) keep the walk linear.
    @Test func longRunsOfSeparatorsStayLinear() {
        let run = String(repeating: " -", count: 20_000)
        let text = (0..<50).map { _ in "किम जोंग" + run + "क" + run }.joined()
        let clock = ContinuousClock()
        let started = clock.now
        let matches = Self.matcher.matches(in: text)
        #expect(matches.count == 50)
        #expect(clock.now - started < .seconds(10))
    }
}
