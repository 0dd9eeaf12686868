package dev.modeltest.report;

import dev.modeltest.subject.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
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
        String modelSha256) {

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
                subject.modelSha256());
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
        return map;
    }
}
