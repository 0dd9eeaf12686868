package dev.modeltest.model.smile;

import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.StreamCorruptedException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a Java-serialized model through an {@link ObjectInputFilter} allow-list, so that a crafted file cannot run
 * code while it is deserialized: only Smile's classes, primitive arrays and a few plain JDK value and collection types
 * are accepted, and the object graph is bounded.
 */
final class SafeDeserialization {

    /**
     * The allow-list in {@link ObjectInputFilter.Config#createFilter} syntax; anything else is rejected. {@code
     * java.lang.Object} admits {@code Object[]}, which {@code ArrayList} reads its elements into; each element is still
     * checked.
     */
    static final String ALLOWED = "maxdepth=1000;maxrefs=50000000;maxarray=200000000;"
            + "smile.**;"
            + "java.lang.Number;java.lang.Integer;java.lang.Long;java.lang.Short;java.lang.Byte;java.lang.Double;"
            + "java.lang.Float;java.lang.Boolean;java.lang.Character;java.lang.String;java.lang.Enum;java.lang.Object;"
            + "java.util.HashMap;java.util.LinkedHashMap;java.util.TreeMap;java.util.Map$Entry;java.util.ArrayList;"
            + "java.util.BitSet;java.util.Properties;java.util.Hashtable;"
            + "!*";

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(ALLOWED);

    /** The size limits of {@link #ALLOWED} alone, to tell a graph that is too big from a class that is not allowed. */
    private static final ObjectInputFilter LIMITS =
            ObjectInputFilter.Config.createFilter(ALLOWED.substring(0, ALLOWED.indexOf("smile.**")));

    private SafeDeserialization() {}

    /** Reads one object from the resource, or fails naming the file and, when one was refused, the class. */
    static Object read(Resource resource) {
        AtomicReference<String> rejected = new AtomicReference<>();
        ObjectInputFilter recording = info -> {
            ObjectInputFilter.Status status = FILTER.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED && rejected.get() == null) {
                boolean tooBig = LIMITS.checkInput(info) == ObjectInputFilter.Status.REJECTED;
                rejected.set(
                        info.serialClass() != null && !tooBig
                                ? info.serialClass().getName()
                                : describeLimits(info));
            }
            return status;
        };
        try (InputStream raw = resource.open();
                ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(raw))) {
            in.setObjectInputFilter(recording);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (rejected.get() != null) {
                throw new ModelException("model file '" + resource.location() + "' contains " + rejected.get()
                        + ", which modeltest refuses to deserialize: only Smile model classes and plain JDK values"
                        + " are allowed, so that a crafted file cannot run code. Load other models with"
                        + " @ModelTest(provider = ...)");
            }
            throw corrupt(resource, e);
        } catch (ClassNotFoundException e) {
            throw new ModelException(
                    "model file '" + resource.location() + "' needs class " + e.getMessage()
                            + ", which is not on the class path (is the library that wrote the model, e.g. smile-core, a test"
                            + " dependency?)",
                    e);
        } catch (StreamCorruptedException e) {
            throw new ModelException(
                    "model file '" + resource.location() + "' is not a Java-serialized model (" + e.getMessage() + ")",
                    e);
        } catch (EOFException e) {
            throw new ModelException(
                    "model file '" + resource.location() + "' is truncated: it ends in the middle of" + " the model ("
                            + resource.size() + " bytes)",
                    e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(resource, e);
        }
    }

    private static String describeLimits(ObjectInputFilter.FilterInfo info) {
        return "an object graph beyond the allowed size (depth " + info.depth() + ", references " + info.references()
                + ", array length " + info.arrayLength() + ")";
    }

    private static ModelException corrupt(Resource resource, Exception e) {
        return new ModelException("model file '" + resource.location() + "' is corrupt or not a model: " + e, e);
    }
}
