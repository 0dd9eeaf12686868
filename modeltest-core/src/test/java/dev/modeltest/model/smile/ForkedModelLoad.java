package dev.modeltest.model.smile;

import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.ModelLoaders;

/**
 * Loads one model file the way modeltest does, in a JVM of its own, and prints the outcome: {@code LOADED}, or {@code
 * ModelException: <message>}. Any other throwable (an error that escaped) exits with status 2.
 */
public final class ForkedModelLoad {

    private ForkedModelLoad() {}

    public static void main(String[] args) {
        try {
            ModelLoaders.load(Resource.resolve(args[0], IllegalArgumentException::new));
            System.out.println("LOADED");
        } catch (ModelException e) {
            System.out.println("ModelException: " + e.getMessage());
        } catch (Throwable t) {
            System.out.println("ESCAPED: " + t);
            System.exit(2);
        }
    }
}
