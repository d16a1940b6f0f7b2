import Testing
@testable import DossierKit

/// Short forms: the first or last word of a person's name (`पार्क` of `पार्क सुन-वोन`), read
/// as that person where the article names them in full (README, "How variant matching works").
@Suite struct ShortFormTests {
    static let registry = Registry([
        person("kim-jong-un", "Kim Jong-un", ["किम जोंग-उन", "किम"]),
        person("kim-yong-hyun", "Kim Yong-hyun", ["किम योंग-ह्यून", "किम"]),
        person("kim-yo-jong", "Kim Yo-jong", ["किम यो-जोंग"]),
        person("vladimir-putin", "Vladimir Putin", ["व्लादिमीर पुतिन", "पुतिन"]),
        person("park-sun-won", "Park Sun-won", ["पार्क सुन-वोन"]),
        person("park-ji-hoon", "Park Ji-hoon", ["पार्क जी-हून"]),
        person("cho-hyun", "Cho Hyun", ["चो ह्यून"]),
        person("li-hongzhong", "Li Hongzhong", ["ली होंगझोंग"]),
        person("yoon-suk-yeol", "Yoon Suk-yeol", ["यून सुक-योल", "युन"]),
        country("russia", "Russia", ["रूस"]),
    ])

    func annotate(_ body: String) -> AnnotatedArticle {
        Annotator(registry: Self.registry).annotate(article(body))
    }

    func linked(_ result: AnnotatedArticle) -> [String] {
        result.mentions.map { "\(result.text(of: $0))=\(Self.registry[$0.entity].id)" }
    }

    @Test func aShortFormAfterTheFullNameIsThatPerson() {
        let result = annotate("पार्क सुन-वोन ने कहा। बाद में पार्क ने जोड़ा। चो ह्यून रूस गए। चो से पूछा गया।\n")
        #expect(linked(result) == ["पार्क सुन-वोन=park-sun-won", "पार्क=park-sun-won", "चो ह्यून=cho-hyun",
                                   "रूस=russia", "चो=cho-hyun"])
        #expect(result.diagnostics.isEmpty)
        // Also before the full name, once the article names the person anywhere.
        #expect(linked(annotate("चो ने कहा। यह चो ह्यून का बयान था।\n")) == ["चो=cho-hyun", "चो ह्यून=cho-hyun"])
    }

    /// The Latin surname of a registered person's English name, capitalised, where the
    /// article names them in full; never the lower-case word.
    @Test func aLatinSurnameIsAShortFormInItsCaseOnly() {
        let registry = Registry([person("donald-trump", "Donald Trump", ["डोनाल्ड ट्रंप", "ट्रंप"]), country("russia", "Russia", ["रूस"])])
        let result = Annotator(registry: registry).annotate(article("डोनाल्ड ट्रंप रूस गए। Trump ने कहा। यह trump card नहीं।\n"))
        #expect(result.mentions.map { "\(result.text(of: $0))=\(registry[$0.entity].id)" } == ["डोनाल्ड ट्रंप=donald-trump", "रूस=russia", "Trump=donald-trump"])
        #expect(Annotator(registry: registry).annotate(article("Trump ने कहा।\n")).mentions.isEmpty)
    }

    @Test func aShortFormOfNoOneNamedIsLeftAlone() {
        let result = annotate("पार्क ने कहा। चो रूस गए।\n")
        #expect(linked(result) == ["रूस=russia"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aShortFormThatIsACommonWordNeedsACaseMarker() {
        // `ली` is also "took": only `ली ने`, `ली का`… read as the name.
        let result = annotate("ली होंगझोंग आए। उन्होंने जानकारी ली थी। ली ने कहा। उसने चाय ली।\n")
        #expect(linked(result) == ["ली होंगझोंग=li-hongzhong", "ली=li-hongzhong"])
        #expect(result.text(of: result.mentions[1]) == "ली")
        #expect(result.sentences[Int(result.mentions[1].sentence)] == "ली ने कहा।")
        // A person's own variant that is a common word (`यूं` of `युन`) is read the same way.
        #expect(linked(annotate("यून सुक-योल आए। यूं तो बात पुरानी है। यूं ने कहा।\n")) ==
                ["यून सुक-योल=yoon-suk-yeol", "यूं=yoon-suk-yeol"])
    }

    @Test func aShortFormBeforeAnotherNameIsPartOfThatName() {
        // `पार्क जी-वोन` is someone else, not Park Sun-won.
        let result = annotate("पार्क सुन-वोन ने कहा। पार्क जी-वोन ने भी कहा।\n")
        #expect(linked(result) == ["पार्क सुन-वोन=park-sun-won"])
    }

    @Test func aSharedSurnameBeforeAnotherNameIsSomeoneElse() {
        // The registry's `किम` (two Kims) before `जू ऐ` is Kim Ju-ae, whom it does not hold.
        let result = annotate("किम जोंग-उन आए। उनकी बेटी किम जू ऐ भी आईं। किम ने कहा।\n")
        #expect(linked(result) == ["किम जोंग-उन=kim-jong-un", "किम=kim-jong-un"])
        #expect(result.sentences[Int(result.mentions[1].sentence)] == "किम ने कहा।")
        #expect(result.diagnostics.isEmpty)
        // Before another registered name it is still the Kim named in full.
        #expect(linked(annotate("किम जोंग-उन आए। किम चो ह्यून से मिले।\n")) ==
                ["किम जोंग-उन=kim-jong-un", "किम=kim-jong-un", "चो ह्यून=cho-hyun"])
    }

    @Test func theNearestPersonNamedInFullDecides() {
        // The registry's `किम` is Kim Jong-un or Kim Yong-hyun; the article names Kim Yo-jong.
        #expect(linked(annotate("किम यो-जोंग ने कहा। किम ने यह भी कहा।\n")) == ["किम यो-जोंग=kim-yo-jong", "किम=kim-yo-jong"])
        // Two people of one surname: the one named in the same sentence, else the last named.
        let body = "पार्क सुन-वोन ने कहा।\n\nपार्क जी-हून और रूस। पार्क ने फिर कहा।\n\nपार्क सुन-वोन और पार्क जी-हून मिले और पार्क ने कहा।\n"
        #expect(linked(annotate(body)) == ["पार्क सुन-वोन=park-sun-won", "पार्क जी-हून=park-ji-hoon", "रूस=russia",
                                           "पार्क=park-ji-hoon", "पार्क सुन-वोन=park-sun-won", "पार्क जी-हून=park-ji-hoon",
                                           "पार्क=park-ji-hoon"])
    }

    @Test func anUndecidedShortFormIsReportedNotGuessed() {
        let result = annotate("पार्क ने पहले कहा।\n\nबाद में पार्क सुन-वोन और पार्क जी-हून मिले।\n")
        #expect(linked(result) == ["पार्क सुन-वोन=park-sun-won", "पार्क जी-हून=park-ji-hoon"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.line == 6)  // the body's first line, after the front matter
        #expect(result.diagnostics.first?.description.contains("ambiguous \"पार्क\" could be park-sun-won or park-ji-hoon") == true)
    }

    @Test func aGivenNameStillCompletesTheName() {
        #expect(linked(annotate("व्लादिमीर पुतिन ने कहा। पुतिन ने जोड़ा।\n")) ==
                ["व्लादिमीर पुतिन=vladimir-putin", "पुतिन=vladimir-putin"])
        let registry = Registry([person("vladimir-putin", "Vladimir Putin", ["पुतिन"])])
        let result = Annotator(registry: registry).annotate(article("व्लादिमीर पुतिन ने कहा। व्लादिमीर ने जोड़ा।\n"))
        #expect(result.mentions.map { result.text(of: $0) } == ["व्लादिमीर पुतिन"])
    }

    @Test func noShortFormsForPeopleWithoutVariants() {
        var park = person("park-sun-won", "Park Sun-won", ["पार्क सुन-वोन"])
        park.variants = false
        let registry = Registry([park])
        let result = Annotator(registry: registry).annotate(article("पार्क सुन-वोन ने कहा। पार्क ने जोड़ा।\n"))
        #expect(result.mentions.map { result.text(of: $0) } == ["पार्क सुन-वोन"])
    }

    @Test func onlyWordsOfLettersAreShortForms() {
        // Digits are no short forms (`10` of `Person 10`), nor hyphenated words (`सुन-वोन`); a
        // capitalised Latin word is (`Park` of `Park Sun-won`), matched in that case only.
        let registry = Registry([person("person-10", "Person 10", ["चेभगो १०"]), person("park-sun-won", "Park Sun-won", ["पार्क सुन-वोन"])])
        let forms = AliasMatcher.shortForms(registry)
        #expect(forms.values.map(\.text).sorted() == ["Park", "Person", "चेभगो", "पार्क"])
        #expect(AliasMatcher(registry: registry).aliases.filter(\.cased).map(\.text).sorted() == ["Park", "Person"])
    }

    /// An organisation's name without the name of another entity it begins with
    /// (`सुरक्षा परिषद` of `संयुक्त राष्ट्र सुरक्षा परिषद`, `संयुक्त राष्ट्र` being the UN's) is that
    /// organisation where the article names it in full and no other word qualifies it.
    @Test func anOrganisationsNameWithoutItsHeadIsThatOrganisation() {
        let registry = Registry([
            Entity(kind: .org, id: "un", name: "United Nations", aliases: ["संयुक्त राष्ट्र"]),
            Entity(kind: .org, id: "unsc", name: "UN Security Council", aliases: ["संयुक्त राष्ट्र सुरक्षा परिषद"]),
            country("russia", "Russia", ["रूस"]),
        ])
        func linked(_ body: String) -> [String] {
            let result = Annotator(registry: registry).annotate(article(body))
            return result.mentions.map { "\(result.text(of: $0))=\(registry[$0.entity].id)" }
        }
        #expect(linked("संयुक्त राष्ट्र सुरक्षा परिषद की बैठक हुई। बाद में सुरक्षा परिषद ने बयान दिया।\n") ==
                ["संयुक्त राष्ट्र सुरक्षा परिषद=unsc", "सुरक्षा परिषद=unsc"])
        // Not where the article never names it in full.
        #expect(linked("सुरक्षा परिषद ने बयान दिया। संयुक्त राष्ट्र चुप रहा।\n") == ["संयुक्त राष्ट्र=un"])
        // Not after a word that makes it another council.
        #expect(linked("संयुक्त राष्ट्र सुरक्षा परिषद की बैठक हुई। रूस की राष्ट्रीय सुरक्षा परिषद ने भी बात की।\n") ==
                ["संयुक्त राष्ट्र सुरक्षा परिषद=unsc", "रूस=russia"])
        #expect(linked("संयुक्त राष्ट्र सुरक्षा परिषद की बैठक हुई। रूसी सुरक्षा परिषद ने भी बात की।\n") ==
                ["संयुक्त राष्ट्र सुरक्षा परिषद=unsc", "रूसी=russia"])
        #expect(AliasMatcher.shortForms(registry)[LooseSpelling.fold("सुरक्षा परिषद")]?.people.map { registry[$0].id } == ["unsc"])
    }
}
