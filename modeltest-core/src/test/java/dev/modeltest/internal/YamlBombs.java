package dev.modeltest.internal;

/** Crafted YAML texts that attack a reader: deep nesting and alias chains that expand when printed. */
public final class YamlBombs {

    private YamlBombs() {}

    /** Flow lists nested {@code depth} deep, under the given key: {@code key: [[[...]]]}. */
    public static String nested(String key, int depth) {
        return key + ": " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    }

    /**
     * Anchored lists, each holding nine aliases of the one before, five levels: 45 aliases (within the limit of 50)
     * that print as 9^5 × 10 strings of 100 characters, about 60 million characters. The last anchor is {@code *top}.
     */
    public static String aliasChain() {
        StringBuilder yaml = new StringBuilder("chain:\n  - &l0 [");
        for (int i = 0; i < 10; i++) {
            yaml.append(i == 0 ? "" : ", ").append("x".repeat(100));
        }
        yaml.append("]\n");
        for (int level = 1; level <= 5; level++) {
            yaml.append("  - &").append(level == 5 ? "top" : "l" + level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }
}
