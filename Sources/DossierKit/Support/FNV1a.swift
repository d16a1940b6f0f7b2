/// FNV-1a: a small hash that is the same on every run and machine (unlike `Hasher`), for
/// what must not move between builds: entity page cuts, search shards (`search.js`
/// computes the 32-bit one too), ETags, the golden manifest.
public enum FNV1a {
    public static func hash64<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    public static func hash32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}
