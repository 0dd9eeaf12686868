package dev.modeltest.model.smile;

import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.StreamCorruptedException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads a Java-serialized model through an {@link ObjectInputFilter} allow-list and limits taken from the file, so that
 * a crafted file can neither run code nor exhaust memory, stack or time while it is deserialized: only Smile's
 * classes, primitive arrays and a few plain JDK value and collection types are accepted, and every array, the nesting
 * depth, the work of hashing nested collections and the time are bounded.
 *
 * <p>Measured on real Smile 3.1 models (the maxima the limits are chosen from):
 *
 * <pre>
 * model                                         bytes      depth  references  longest array  array elements in all
 * iris RandomForest, 20 trees                   15 014        10         660             20                    524
 * modeltest-examples models/iris-rf.ser         60 784        10       2 815            100                  2 199
 * iris AdaBoost                                246 092        10      12 868            500                 11 853
 * iris GradientTreeBoost                       705 316        10      24 069            500                  7 550
 * iris LogisticRegression                          737         5          23             16                     31
 * RandomForest, 5 unpruned trees, 20k noise  1 892 938        76      81 105             16                 54 051
 * DecisionTree, unpruned, 20k noise rows       448 758        81      19 220             16                 12 813
 * RegressionTree, unpruned, 20k noise rows   1 441 496        86      40 054             16                     25
 * </pre>
 *
 * Every array element takes at least one byte of the stream (a primitive its own size), so arrays longer than the
 * file can hold are refused before they are allocated, and so are arrays that claim more bytes in all than the file
 * has. Each reference takes at least one byte of the stream, so the file's size bounds their number without a separate
 * limit (the measured models use one reference per 17 to 36 bytes). A
 * tree nests two levels per split: unpruned trees on 20 000 rows need 86, so {@link #MAX_DEPTH} leaves room for trees
 * of a hundred levels while stopping the nesting that overflows a thread's stack (about 900 levels).
 */
final class SafeDeserialization {

    /**
     * The allow-list in {@link ObjectInputFilter.Config#createFilter} syntax; anything else is rejected. {@code
     * java.lang.Object} admits {@code Object[]}, which {@code ArrayList} reads its elements into; each element is still
     * checked. The size limits are not part of it: they depend on the file (see {@link Guard}).
     */
    static final String ALLOWED = "smile.**;"
            + "java.lang.Number;java.lang.Integer;java.lang.Long;java.lang.Short;java.lang.Byte;java.lang.Double;"
            + "java.lang.Float;java.lang.Boolean;java.lang.Character;java.lang.String;java.lang.Enum;java.lang.Object;"
            + "java.util.HashMap;java.util.LinkedHashMap;java.util.TreeMap;java.util.Map$Entry;java.util.ArrayList;"
            + "java.util.BitSet;java.util.Properties;java.util.Hashtable;"
            + "!*";

    /** The deepest nesting of objects accepted; real Smile models need at most 86 (see the class comment). */
    static final int MAX_DEPTH = 200;

    /**
     * The most steps that computing the hash code of one nested collection may take. A {@code HashMap} hashes every
     * key it reads, and a key that is a collection hashes all it holds: a small file of maps that hold the same map
     * twice, nested 30 deep, would take 2^30 steps. Real models hash strings and numbers, one step each.
     */
    static final long MAX_HASH_STEPS = 1_000_000;

    /** The time a load may take, at least: a file of a few megabytes reads in well under a second. */
    static final long MIN_MILLIS = 10_000;

    /** The time a load may take for each MiB of the file, on top of {@link #MIN_MILLIS}. */
    static final long MILLIS_PER_MIB = 10_000;

    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(ALLOWED);

    private static final String REFUSED = "is refused before it could exhaust memory, stack or time: ";

    private SafeDeserialization() {}

    /** Reads one object from the resource, or fails naming the file and, when one was refused, the class or limit. */
    static Object read(Resource resource) {
        long bytes = resource.size();
        return read(resource, new Guard(bytes, MIN_MILLIS + MILLIS_PER_MIB * (bytes >> 20)));
    }

    /** Reads with the given guard; tests shorten its time limit. */
    static Object read(Resource resource, Guard guard) {
        try (InputStream raw = resource.open();
                ObjectInputStream in = new GuardedStream(new BufferedInputStream(raw), guard)) {
            in.setObjectInputFilter(guard);
            return in.readObject();
        } catch (InvalidClassException | InvalidObjectException e) {
            if (guard.limit != null) {
                throw new ModelException("model file '" + resource.location() + "' " + REFUSED + guard.limit, e);
            }
            if (guard.rejectedClass != null) {
                throw new ModelException("model file '" + resource.location() + "' contains " + guard.rejectedClass
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
        } catch (StackOverflowError e) {
            throw new ModelException(
                    "model file '" + resource.location() + "' " + REFUSED + "reading it overflowed the stack", e);
        } catch (OutOfMemoryError e) {
            throw new ModelException(
                    "model file '" + resource.location() + "' " + REFUSED
                            + "reading it ran out of memory (maximum heap "
                            + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)",
                    e);
        }
    }

    private static ModelException corrupt(Resource resource, Exception e) {
        return new ModelException("model file '" + resource.location() + "' is corrupt or not a model: " + e, e);
    }

    /**
     * The limits of one read, taken from the file: checked by the filter before each class, array and reference is read,
     * and by the stream after each object is complete. The JDK's own {@code maxarray}/{@code maxrefs} patterns are fixed
     * numbers; these depend on the file's size, so they are written here.
     */
    static final class Guard implements ObjectInputFilter {
        private final long fileBytes;
        private final long deadline;
        private final long millis;
        private long arrayBytes;
        String limit;
        String rejectedClass;

        Guard(long fileBytes, long millis) {
            this.fileBytes = fileBytes;
            this.millis = millis;
            this.deadline = System.nanoTime() + millis * 1_000_000;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            String why = exceeded(info);
            if (why != null) {
                refuse(why);
                return Status.REJECTED;
            }
            Status status = CLASSES.checkInput(info);
            if (status == Status.REJECTED && rejectedClass == null && info.serialClass() != null) {
                rejectedClass = info.serialClass().getName();
            }
            return status;
        }

        private String exceeded(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                return "its objects nest " + info.depth() + " deep, more than the " + MAX_DEPTH + " allowed";
            }
            if (info.arrayLength() >= 0 && info.serialClass() != null) {
                long each = bytesPerElement(info.serialClass());
                long claimed = info.arrayLength() * each;
                if (claimed > fileBytes) {
                    return "it claims an array of " + info.arrayLength() + " " + elementName(info.serialClass())
                            + " elements (" + claimed + " bytes), more than the file's " + fileBytes
                            + " bytes can hold";
                }
                arrayBytes += claimed;
                if (arrayBytes > fileBytes) {
                    return "its arrays claim " + arrayBytes + " bytes in all, more than the file's " + fileBytes
                            + " bytes can hold";
                }
            }
            return overtime();
        }

        String overtime() {
            return System.nanoTime() - deadline > 0
                    ? "reading it took longer than " + millis + " ms, the limit for a file of " + fileBytes + " bytes"
                    : null;
        }

        void refuse(String why) {
            if (limit == null) {
                limit = why;
            }
        }

        /** The fewest bytes an element takes in the stream: a primitive its size, a reference at least one byte. */
        private static long bytesPerElement(Class<?> arrayClass) {
            Class<?> component = arrayClass.getComponentType();
            if (component == long.class || component == double.class) {
                return 8;
            }
            if (component == int.class || component == float.class) {
                return 4;
            }
            if (component == short.class || component == char.class) {
                return 2;
            }
            return 1;
        }

        private static String elementName(Class<?> arrayClass) {
            Class<?> component = arrayClass.getComponentType();
            return component == null ? arrayClass.getName() : component.getSimpleName();
        }
    }

    /**
     * An object stream that counts, as each object is complete, the steps its hash code takes, before any map can hash
     * it as a key. Java's filter sees classes, arrays and references but not the work that a map's {@code readObject}
     * does with them, so the nesting of collections is bounded here.
     */
    private static final class GuardedStream extends ObjectInputStream {
        private final Guard guard;
        /** Steps of the complete collections and records that take more than one; all else takes one. */
        private final Map<Object, Long> steps = new IdentityHashMap<>();

        GuardedStream(InputStream in, Guard guard) throws IOException {
            super(in);
            this.guard = guard;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            long own = hashSteps(object);
            if (own > MAX_HASH_STEPS) {
                guard.refuse(
                        "it nests collections whose hash codes take more than " + MAX_HASH_STEPS + " steps to compute");
                throw new InvalidObjectException(guard.limit);
            }
            if (own > 1) {
                steps.put(object, own);
            }
            String late = guard.overtime();
            if (late != null) {
                guard.refuse(late);
                throw new InvalidObjectException(late);
            }
            return object;
        }

        private long hashSteps(Object object) {
            long total = 1;
            if (object instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    total = add(add(total, stepsOf(entry.getKey())), stepsOf(entry.getValue()));
                }
            } else if (object instanceof Collection<?> collection) {
                for (Object element : collection) {
                    total = add(total, stepsOf(element));
                }
            } else if (object != null && object.getClass().isRecord()) {
                // A record's hash code combines its components'.
                for (RecordComponent component : object.getClass().getRecordComponents()) {
                    total = add(total, stepsOf(componentValue(object, component)));
                }
            }
            return total;
        }

        private long stepsOf(Object element) {
            return element == null ? 1 : steps.getOrDefault(element, 1L);
        }

        private static long add(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        /** Reads a record component's field without running the record's code; null when it is not accessible. */
        private static Object componentValue(Object record, RecordComponent component) {
            try {
                Field field = record.getClass().getDeclaredField(component.getName());
                return field.trySetAccessible() ? field.get(record) : null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
