import Testing

@testable import GongkaiChecks

@Suite struct PersonalDataTests {
    // 11010519491231002X is the standard example number of GB 11643 (valid check character X).
    @Test func flagsAnIDNumberWithAValidCheckDigit() {
        let found = PersonalData.find(in: "申请人身份证号：11010519491231002X，请核对。")
        #expect(found.map(\.kind) == [.idNumber])
        #expect(PersonalData.isIDNumber("110105194912310021") == false, "wrong check digit")
    }

    @Test func leavesNumbersWithAWrongCheckDigitOrImpossibleBirthDateAlone() {
        #expect(PersonalData.find(in: "编号110105194912310021").isEmpty, "check digit should be X")
        // Same body with a 13th month: the check digit is recomputed, so only the date is wrong.
        #expect(!PersonalData.isIDNumber("110105194913310025"))
        #expect(PersonalData.find(in: "统一社会信用代码 11430000006939000Y 不是身份证号").isEmpty)
    }

    @Test func flagsMobileNumbersButNotHotlinesLandlinesOrMaskedOnes() {
        #expect(PersonalData.find(in: "联系人：王科长，电话13812345678。").map(\.kind) == [.mobile])
        #expect(PersonalData.find(in: "热线12345、0731-88888888、138****5678、电话 12812345678").isEmpty)
        #expect(PersonalData.find(in: "编号 2013812345678901 的一部分").allSatisfy { $0.kind != .mobile }, "inside a longer number")
    }

    @Test func flagsBankCardsThatPassLuhn() {
        let card = "4111111111111111"  // the standard Luhn-valid test number
        #expect(PersonalData.find(in: "账号 \(card)").map(\.kind) == [.bankCard])
        #expect(PersonalData.find(in: "账号 4111111111111112").isEmpty, "fails the Luhn check")
    }

    @Test func reportsTheLineAndMasksTheNumber() {
        let found = PersonalData.find(in: "第一行\n第二行 13812345678\n")
        #expect(found.first?.line == 1)
        #expect(PersonalData.masked("13812345678") == "138****5678")
    }
}

@Suite struct UnsafeMarkupTests {
    @Test func findsScriptsEventHandlersAndJavascriptURLs() {
        #expect(UnsafeMarkup.find(in: "正文<script>alert(1)</script>").count == 1)
        #expect(UnsafeMarkup.find(in: "<img src=x onerror=alert(1)>").count == 1)
        #expect(UnsafeMarkup.find(in: "[点此](javascript:alert(1))").count == 1)
        #expect(UnsafeMarkup.find(in: "第一行\n\n<SCRIPT src=\"x.js\">").first?.line == 2)
    }

    @Test func leavesOrdinaryTextAlone() {
        #expect(UnsafeMarkup.find(in: "描述 script 的用法；onclick 事件；Java 与 JavaScript 语言；<b>粗体</b>").isEmpty)
    }
}
