/// `str.isdigit()` and its kin on ASCII text, as CPython answers them (Objects/unicodeobject.c with the
/// ASCII rows of its tables). Nil for text with other characters: the analysis does not carry Unicode's
/// tables, so it does not guess.
enum StrPredicates {
    static func test(_ method: String) -> ((String) -> Bool?)? {
        switch method {
        case "isdigit", "isdecimal", "isnumeric": return nonEmptyAll { $0 >= 48 && $0 <= 57 }
        case "isalpha": return nonEmptyAll(isLetter)
        case "isalnum": return nonEmptyAll { isLetter($0) || ($0 >= 48 && $0 <= 57) }
        case "isspace": return nonEmptyAll { $0 == 32 || ($0 >= 9 && $0 <= 13) || ($0 >= 28 && $0 <= 31) }
        case "isupper": return cased(upper: true)
        case "islower": return cased(upper: false)
        case "isascii": return { s in s.utf8.allSatisfy { $0 < 128 } }
        case "isprintable": return ascii { bytes in bytes.allSatisfy { $0 >= 32 && $0 < 127 } }
        case "isidentifier":
            return ascii { bytes in
                guard let first = bytes.first, isLetter(first) || first == 95 else { return false }
                return bytes.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
            }
        default: return nil
        }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }

    private static func ascii(_ body: @escaping ([UInt8]) -> Bool) -> (String) -> Bool? {
        { s in
            let bytes = Array(s.utf8)
            return bytes.allSatisfy { $0 < 128 } ? body(bytes) : nil
        }
    }

    private static func nonEmptyAll(_ p: @escaping (UInt8) -> Bool) -> (String) -> Bool? {
        ascii { bytes in !bytes.isEmpty && bytes.allSatisfy(p) }
    }

    /// isupper/islower: some cased character, and none of the other case.
    private static func cased(upper: Bool) -> (String) -> Bool? {
        ascii { bytes in
            let uppers = bytes.contains { $0 >= 65 && $0 <= 90 }
            let lowers = bytes.contains { $0 >= 97 && $0 <= 122 }
            return upper ? uppers && !lowers : lowers && !uppers
        }
    }
}
