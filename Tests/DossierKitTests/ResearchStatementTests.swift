import Testing
@testable import DossierKit

/// Statements and figures in sentences of the grammar's forms, with names the seed dossier
/// does not have (the finders are not tuned to the seed articles).
@Suite struct ResearchStatementTests {
    let registry = Registry([
        person("zelensky", "Volodymyr Zelensky", ["वोलोदिमीर जेलेंस्की", "जेलेंस्की"]),
        person("blinken", "Antony Blinken", ["एंटनी ब्लिंकन", "ब्लिंकन"]),
        person("lavrov", "Sergei Lavrov", ["सर्गेई लावरोव", "लावरोव"]),
        person("guterres", "António Guterres", ["गुटेरेस"]),
        Entity(kind: .org, id: "reuters", name: "Reuters", aliases: ["रॉयटर्स"]),
        Entity(kind: .org, id: "tass", name: "TASS", aliases: ["तास"]),
        Entity(kind: .org, id: "pentagon", name: "Pentagon", aliases: ["पेंटागन"]),
        country("united-states", "United States", ["अमेरिका"]),
        country("russia", "Russia", ["रूस", "रूसी"]),
        country("ukraine", "Ukraine", ["यूक्रेन"]),
    ])

    struct Found {
        var statements: [Statement]
        var figures: [Figure]
        var annotation: AnnotatedArticle
        var text: ArticlePlainText
    }

    func find(_ body: String) -> Found {
        let item = article(body)
        let annotation = Annotator(registry: registry).annotate(item)
        let text = ArticlePlainText(article: item, annotation: annotation)
        return Found(statements: annotation.research.statements, figures: annotation.research.figures, annotation: annotation, text: text)
    }

    func id(_ entity: EntityIndex?) -> String? { entity.map { registry[$0].id } }

    /// speaker / via / kind: text
    func summary(_ found: Found) -> [String] {
        found.statements.map { statement in
            let speakers = statement.speakers.map { registry[$0].id }.joined(separator: "+")
            return "\(speakers.isEmpty ? "-" : speakers)/\(id(statement.via) ?? "-")/\(statement.kind.rawValue): \(statement.text)"
        }
    }

    // MARK: Quotes

    @Test func quoteAfterASpeechVerb() {
        let found = find("ब्लिंकन ने कहा, \"हम यूक्रेन के साथ खड़े हैं और खड़े रहेंगे।\"\n")
        #expect(summary(found) == ["blinken/-/quote: हम यूक्रेन के साथ खड़े हैं और खड़े रहेंगे"])
        #expect(found.statements[0].attribution == .named)
    }

    @Test func quoteBeforeItsSpeaker() {
        let found = find("“बातचीत का कोई विकल्प नहीं है,” गुटेरेस ने कहा।\n")
        #expect(summary(found) == ["guterres/-/quote: बातचीत का कोई विकल्प नहीं है"])
    }

    @Test func quotationWithoutSpeechVerbIsNobodysAndAShortTermIsNoStatement() {
        let found = find("बैठक में “दोनों देशों के बीच भरोसे का नया दौर” शुरू हुआ। इस अभियान को 'ऑपरेशन स्पार्क' नाम दिया गया।\n")
        #expect(summary(found) == ["-/-/quote: दोनों देशों के बीच भरोसे का नया दौर"])
        #expect(found.statements[0].attribution == .none)
    }

    @Test func quotationInsideReportedWordsIsPartOfThem() {
        let found = find("लावरोव ने पश्चिम के रुख को 'खतरनाक' बताया।\n")
        #expect(summary(found) == ["lavrov/-/reported: पश्चिम के रुख को 'खतरनाक' बताया"])
    }

    // MARK: Reported speech

    @Test func saidThat() {
        let found = find("लावरोव ने सोमवार को कहा कि रूस बातचीत के लिए तैयार है।\n")
        #expect(summary(found) == ["lavrov/-/reported: रूस बातचीत के लिए तैयार है"])
        // Linked to the speaker's mention in the sentence.
        let mention = found.annotation.mentions.first { registry[$0.entity].id == "lavrov" }
        #expect(found.statements[0].anchor == mention?.anchor)
        #expect(found.statements[0].sentenceNumber == 0)
    }

    @Test func accordingTo() {
        let found = find("रॉयटर्स के मुताबिक, हमले में बिजली संयंत्र को नुकसान पहुंचा। सूत्रों के अनुसार, वार्ता अगले सप्ताह होगी। योजना के अनुसार, सेना पीछे हटेगी।\n")
        #expect(summary(found) == [
            "reuters/-/reported: हमले में बिजली संयंत्र को नुकसान पहुंचा",
            "-/-/reported: वार्ता अगले सप्ताह होगी",
        ])
    }

    @Test func objectOfASpeechVerb() {
        let found = find("अमेरिका ने रूस पर युद्ध अपराधों का आरोप लगाया। जेलेंस्की ने हमले की कड़ी निंदा की।\n")
        #expect(summary(found) == [
            "united-states/-/reported: रूस पर युद्ध अपराधों का आरोप लगाया",
            "zelensky/-/reported: हमले की कड़ी निंदा की",
        ])
    }

    @Test func actsAndBareRemarksAreNoStatements() {
        let found = find("लावरोव ने ब्लिंकन से मुलाकात की। दोनों मंत्रियों ने सहयोग पर सहमति व्यक्त की। रॉयटर्स ने शनिवार को यह जानकारी दी। उन्होंने धन्यवाद दिया।\n")
        #expect(summary(found) == [])
    }

    @Test func unregisteredSubjectIsNotGuessed() {
        // Not Ukraine: the minister said it.
        let found = find("यूक्रेन के विदेश मंत्री ने कहा कि हमले बढ़े हैं।\n")
        #expect(summary(found) == ["-/-/reported: हमले बढ़े हैं"])
    }

    @Test func jointSpeakers() {
        let found = find("ब्लिंकन और लावरोव ने कहा कि बातचीत उपयोगी रही।\n")
        #expect(summary(found) == ["blinken+lavrov/-/reported: बातचीत उपयोगी रही"])
    }

    @Test func genitiveSubjectsSpokespeopleAndAddressees() {
        let found = find("पेंटागन का कहना है कि सहायता जल्द पहुंचेगी। तास के प्रवक्ता ने कहा कि खबर गलत है। ब्लिंकन ने पत्रकारों को बताया। विशेषज्ञों का मानना है कि संघर्ष लंबा चलेगा।\n")
        #expect(summary(found) == [
            "pentagon/-/reported: सहायता जल्द पहुंचेगी",
            "tass/-/reported: खबर गलत है",
            "-/-/reported: संघर्ष लंबा चलेगा",
        ])
    }

    @Test func passiveSpeechNamesNobodyAndIsNoStatement() {
        let found = find("कहा जा रहा है कि सेना पीछे हटेगी। माना जाता है कि बातचीत होगी। ऐसा लग रहा है कि युद्ध लंबा चलेगा।\n")
        #expect(summary(found) == [])
    }

    // MARK: Pronouns

    @Test func pronounTakesThePreviousSentencesSubject() {
        let found = find("जेलेंस्की ने कीव में पत्रकारों से मुलाकात की।\n\nउन्होंने कहा कि सर्दी कठिन होगी। उन्होंने यह भी कहा कि सहायता जरूरी है।\n")
        #expect(summary(found) == ["zelensky/-/reported: सर्दी कठिन होगी", "zelensky/-/reported: सहायता जरूरी है"])
        #expect(found.statements.allSatisfy { $0.attribution == .pronoun && $0.anchor == nil })
        // The pronoun's sentence names nobody: it is not one of the annotated sentences, but
        // the data tables name it after them.
        #expect(found.annotation.sentences == ["जेलेंस्की ने कीव में पत्रकारों से मुलाकात की।"])
        #expect(found.statements.map(\.sentenceNumber) == [1, 2])
        #expect(found.annotation.research.sentences == ["उन्होंने कहा कि सर्दी कठिन होगी।", "उन्होंने यह भी कहा कि सहायता जरूरी है।"])
        #expect(found.annotation.tableSentence(1) == "उन्होंने कहा कि सर्दी कठिन होगी।")
    }

    @Test func genitivePronoun() {
        let found = find("लावरोव मॉस्को लौटे। उनका कहना है कि प्रतिबंध बेअसर हैं।\n")
        #expect(summary(found) == ["lavrov/-/reported: प्रतिबंध बेअसर हैं"])
    }

    @Test func pronounUndecidedIsUnattributed() {
        // Two people before it, or nobody.
        let two = find("जेलेंस्की और ब्लिंकन की मुलाकात कीव में हुई। उन्होंने कहा कि सहायता जारी रहेगी।\n")
        #expect(summary(two) == ["-/-/reported: सहायता जारी रहेगी"])
        let none = find("बैठक कीव में हुई। उन्होंने कहा कि सहायता जारी रहेगी।\n")
        #expect(summary(none) == ["-/-/reported: सहायता जारी रहेगी"])
        // First person: whoever is quoted, not guessed.
        let first = find("लावरोव वहां पहुंचे। मैंने कहा कि हम तैयार हैं।\n")
        #expect(summary(first) == ["-/-/reported: हम तैयार हैं"])
    }

    // MARK: Channels

    @Test func channelOfAnInnerSpeaker() {
        let found = find("तास ने बताया कि लावरोव ने कहा कि पश्चिम तनाव बढ़ा रहा है।\n")
        #expect(summary(found) == ["lavrov/tass/reported: पश्चिम तनाव बढ़ा रहा है"])
    }

    @Test func channelCitingASource() {
        let found = find("रॉयटर्स ने पेंटागन के हवाले से कहा कि नई सहायता भेजी जाएगी। तास के मुताबिक, लावरोव ने कहा, \"हम जवाब देंगे।\"\n")
        #expect(summary(found) == [
            "pentagon/reuters/reported: नई सहायता भेजी जाएगी",
            "lavrov/tass/quote: हम जवाब देंगे",
        ])
    }

    // MARK: Figures

    func figures(_ found: Found) -> [String] {
        found.figures.map { figure in
            "\(figure.number) \(figure.unit) \(figure.subject.rawValue) \(figure.value.map { String(Int($0)) } ?? "-") \(id(figure.claimant) ?? "-")"
        }
    }

    @Test func figureWithClaimant() {
        let found = find("अमेरिका ने दावा किया कि रूस ने 50 हजार सैनिक सीमा पर तैनात किए हैं।\n")
        #expect(figures(found) == ["50 हजार सैनिक troops-deployed 50000 united-states"])
        #expect(found.figures[0].claim == 0)
        #expect(found.figures[0].entities.map { registry[$0].id } == ["united-states", "russia"])
    }

    @Test func numberWordsAndUnits() {
        let found = find("हमले में 12 लोग मारे गए और दो हजार घायल हुए। सैकड़ों ड्रोन दागे गए। अमेरिका 5 करोड़ डॉलर की सहायता देगा। सीमा पर १,२०० सैनिक भेजे गए।\n")
        #expect(figures(found) == [
            "12 लोग killed 12 -",
            "दो हजार घायल wounded 2000 -",
            "सैकड़ों ड्रोन drones - -",
            "5 करोड़ डॉलर money 50000000 -",
            "१,२०० सैनिक troops-sent 1200 -",
        ])
    }

    @Test func datesDurationsAndArticlesAreNoFigures() {
        let found = find("14 सितंबर को बैठक हुई। युद्ध पिछले 18 महीनों से जारी है। एक सैनिक ने कहा कि हालात कठिन हैं।\n")
        #expect(figures(found) == [])
    }

    @Test func partitiveTakesTheEarlierUnit() {
        let found = find("पेंटागन के मुताबिक, रूस में लगभग 10,000 सैनिक हैं, जिनमें से 3,000 घायल हैं।\n")
        #expect(figures(found) == ["10,000 सैनिक troops-deployed 10000 pentagon", "3,000 सैनिक wounded 3000 pentagon"])
        #expect(found.figures[0].approximate && !found.figures[1].approximate)
    }

    // MARK: A whole article

    /// An article of every form together, none of them from the seeds.
    @Test func anArticle() {
        let body = """
            यूक्रेन के राष्ट्रपति वोलोदिमीर जेलेंस्की ने रविवार को कहा कि रूस ने पिछले सप्ताह 300 से अधिक ड्रोन और 40 मिसाइलें दागीं। उन्होंने पश्चिमी देशों से वायु रक्षा प्रणाली भेजने की अपील की। रॉयटर्स की रिपोर्ट के मुताबिक, हमलों में कम से कम 15 लोग मारे गए और 60 घायल हुए।

            रूसी विदेश मंत्री सर्गेई लावरोव ने इन आरोपों को खारिज करते हुए कहा, "हमारे हमले केवल सैन्य ठिकानों पर होते हैं।" अमेरिकी विदेश मंत्री एंटनी ब्लिंकन ने कहा कि अमेरिका यूक्रेन को 2 अरब डॉलर की अतिरिक्त सैन्य सहायता देगा। पेंटागन का कहना है कि यह सहायता अगले महीने तक पहुंच जाएगी।

            इस बीच तास ने बताया कि रूसी सेना ने पूर्वी यूक्रेन में दो गांवों पर कब्जा कर लिया है। संयुक्त राष्ट्र महासचिव गुटेरेस ने दोनों पक्षों से संयम बरतने का आग्रह किया। उन्होंने कहा, "नागरिकों की सुरक्षा सर्वोपरि है।" विशेषज्ञों का मानना है कि संघर्ष लंबा खिंच सकता है।

            जेलेंस्की ने लावरोव के बयान को झूठा बताया और कहा कि रूस पर और प्रतिबंध लगने चाहिए। उन्होंने बताया कि कीव में 3 लाख लोग बिजली के बिना हैं। लावरोव और ब्लिंकन की फोन पर बात हुई। उन्होंने कहा कि बातचीत जारी रहेगी। अधिकारियों ने बताया कि 1,200 नागरिकों को सुरक्षित निकाला गया। रूस के रक्षा मंत्रालय के अनुसार, 50 यूक्रेनी सैनिक पकड़े गए।
            """
        let found = find(body + "\n")
        #expect(summary(found) == [
            "zelensky/-/reported: रूस ने पिछले सप्ताह 300 से अधिक ड्रोन और 40 मिसाइलें दागीं",
            "zelensky/-/reported: पश्चिमी देशों से वायु रक्षा प्रणाली भेजने की अपील की",
            "reuters/-/reported: हमलों में कम से कम 15 लोग मारे गए और 60 घायल हुए",
            "lavrov/-/quote: हमारे हमले केवल सैन्य ठिकानों पर होते हैं",
            "blinken/-/reported: अमेरिका यूक्रेन को 2 अरब डॉलर की अतिरिक्त सैन्य सहायता देगा",
            "pentagon/-/reported: यह सहायता अगले महीने तक पहुंच जाएगी",
            "tass/-/reported: रूसी सेना ने पूर्वी यूक्रेन में दो गांवों पर कब्जा कर लिया है",
            "guterres/-/reported: दोनों पक्षों से संयम बरतने का आग्रह किया",
            "guterres/-/quote: नागरिकों की सुरक्षा सर्वोपरि है",
            "-/-/reported: संघर्ष लंबा खिंच सकता है",
            "zelensky/-/reported: लावरोव के बयान को झूठा बताया",
            "zelensky/-/reported: रूस पर और प्रतिबंध लगने चाहिए",
            "zelensky/-/reported: कीव में 3 लाख लोग बिजली के बिना हैं",
            "-/-/reported: बातचीत जारी रहेगी",
            "-/-/reported: 1,200 नागरिकों को सुरक्षित निकाला गया",
            "-/-/reported: 50 यूक्रेनी सैनिक पकड़े गए",
        ])
        #expect(figures(found) == [
            "300 ड्रोन drones 300 zelensky",
            "40 मिसाइलें missiles 40 zelensky",
            "15 लोग killed 15 reuters",
            "60 घायल wounded 60 reuters",
            "2 अरब डॉलर money 2000000000 blinken",
            "3 लाख लोग people 300000 zelensky",
            "1,200 नागरिकों people 1200 -",
            "50 सैनिक prisoners 50 -",
        ])
    }

    // MARK: Cost

    /// One sentence (no end mark) of thousands of speech verbs, sources, quotations, pronouns
    /// and numbers: four times the text costs about four times the time, not sixteen.
    @Test func costIsLinearInTheArticle() {
        let chunk = "लावरोव ने कहा कि तास के अनुसार “हम” उन्होंने बताया, \"कुछ\" और ब्लिंकन और लावरोव ने 10,000 सैनिक, जिनमें से 5 हजार की निंदा की "
        func seconds(_ repeats: Int) -> Double {
            let body = String(repeating: chunk, count: repeats) + "\n"
            let clock = ContinuousClock()
            let start = clock.now
            let found = find(body)
            #expect(found.statements.count >= repeats)
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        _ = seconds(200)
        let small = seconds(1_000), large = seconds(4_000)
        #expect(large < small * 8 + 0.5, "\(small) s for 1,000 repeats, \(large) s for 4,000")
    }

    // MARK: Plain text

    @Test func plainTextSentencesMatchTheAnnotatedOnes() {
        let found = find("पहला वाक्य किसी का नाम नहीं लेता। लावरोव ने कहा।\n\nदूसरा पैराग्राफ, [रूस](country:russia) का नाम।\n")
        #expect(found.text.sentences.map(\.text) == ["पहला वाक्य किसी का नाम नहीं लेता।", "लावरोव ने कहा।", "दूसरा पैराग्राफ, रूस का नाम।"])
        #expect(found.text.sentences.map(\.annotated) == [nil, 0, 1])
        for sentence in found.text.sentences {
            let utf8 = found.text.text.utf8
            let slice = found.text.text[utf8.index(utf8.startIndex, offsetBy: sentence.range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: sentence.range.upperBound)]
            #expect(String(slice) == sentence.text)
            if let annotated = sentence.annotated { #expect(found.annotation.sentences[Int(annotated)] == sentence.text) }
        }
        #expect(found.text.sentences[2].mentions == 1..<2)
    }
}
