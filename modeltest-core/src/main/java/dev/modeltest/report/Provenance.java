package dev.modeltest.report;

import dev.modeltest.subject.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a result was measured on: the data file and its hash, the model and its hash.
 *
 * @param data the data set's name
 * @param dataLocation the data location as configured
 * @param dataSha256 the data file's SHA-256
 * @param rows the number of data rows
 * @param model the model's description
 * @param modelSource where the model came from, e.g. {@code model file models/iris-rf.ser}
 * @param modelSha256 the model file's SHA-256, or empty when the model does not come from a file
 * @param dataDvcMd5 the MD5 that the data file's DVC pointer records and the file was checked against, or empty
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Provenance(
        String data,
        String dataLocation,
        String dataSha256,
        long rows,
        String model,
        String modelSource,
        String modelSha256,
        String dataDvcMd5) {

    /** The {@link Subject#stepNanos()} step that reads the data; present once the data loaded. */
    static final String LOAD_DATA = "load data";

    /** The {@link Subject#stepNanos()} step that loads the model; present once the model loaded. */
    static final String LOAD_MODEL = "load model";

    /** The {@link Subject#stepNanos()} step that computes the predictions; present once they were computed. */
    static final String PREDICT = "predict";

    /** Reads the provenance of a subject whose data (and model, if any) loaded. */
    public static Provenance of(Subject subject) {
        var data = subject.data();
        String model = subject.model()
                .map(m -> m.describe())
                .orElse(subject.spec().model().describe());
        return new Provenance(
                data.name(),
                subject.spec().data(),
                data.sha256(),
                data.rowCount(),
                model,
                subject.spec().model().describe(),
                subject.modelSha256(),
                data.dvcMd5());
    }

    /**
     * Reads the provenance of a subject from what it has already loaded, loading nothing: empty until the data was
     * read; the model's description from the configuration and no model hash while the model was not loaded (a test
     * class with data checks only never loads its model for a report).
     *
     * @since 0.1.0
     */
    public static Optional<Provenance> known(Subject subject) {
        Map<String, Long> steps = subject.stepNanos();
        if (!steps.containsKey(LOAD_DATA)) {
            return Optional.empty();
        }
        var data = subject.data();
        String source = subject.spec().model().describe();
        String model = source;
        String modelSha256 = "";
        if (steps.containsKey(LOAD_MODEL)) {
            model = subject.model().map(m -> m.describe()).orElse(source);
            modelSha256 = subject.modelSha256();
        }
        return Optional.of(new Provenance(
                data.name(),
                subject.spec().data(),
                data.sha256(),
                data.rowCount(),
                model,
                source,
                modelSha256,
                data.dvcMd5()));
    }

    /** Returns the provenance as ordered key/value pairs. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("data", data);
        map.put("dataLocation", dataLocation);
        map.put("dataSha256", dataSha256);
        map.put("rows", rows);
        map.put("model", model);
        map.put("modelSource", modelSource);
        map.put("modelSha256", modelSha256);
        if (!dataDvcMd5.isEmpty()) {
            map.put("dataDvcMd5", dataDvcMd5);
        }
        return map;
    }
}
