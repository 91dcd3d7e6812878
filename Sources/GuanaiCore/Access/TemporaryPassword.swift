/// One-time passwords are read out over the phone to older village workers: lowercase letters and digits only, none
/// that sound or look alike on a cheap screen (0/o, 1/l/i), so "two-k-seven…" is typed right the first time.
public enum TemporaryPassword {
    public static let alphabet: [Character] = Array("23456789abcdefghjkmnpqrstuvwxyz")
    public static let length = 10

    public static func make<G: RandomNumberGenerator>(using g: inout G) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &g)! })
    }

    public static func make() -> String {
        var g = SystemRandomNumberGenerator()
        return make(using: &g)
    }
}
