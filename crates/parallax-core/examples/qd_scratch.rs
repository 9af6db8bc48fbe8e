fn main() {
    for f in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&f).unwrap();
        let ix = parallax_core::CharIndex::new(&t);
        println!("=== {f}");
        for (s, r) in parallax_core::text::lines::line_roles(&t) {
            let l: String = ix.slice(&t, s).chars().take(90).collect();
            println!("{:>16} | {}", format!("{r:?}"), l);
        }
    }
}
