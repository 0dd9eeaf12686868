#!/usr/bin/python3
"""Build the ONNX test models, their data and the expected predictions.

The models are written with onnx.helper (Debian's python3-onnx 1.12; there is no
skl2onnx or onnxmltools in Debian) from weights that scikit-learn fits on the data
sets shipped in Debian's python3-sklearn. Most graphs use the same operators that
skl2onnx emits for the same estimators (Scaler, LinearClassifier, Normalizer, ZipMap,
LinearRegressor), so modeltest-onnx is tested on the shapes real converters produce:

  classifier, probabilities as a sequence of maps (ZipMap)   iris-zipmap.onnx,
                                                              breast-cancer-zipmap-int.onnx
  classifier, probabilities as a tensor (zipmap=False)       iris-linear-tensor.onnx
  classifier from plain operators, no class names            iris-matmul.onnx
  classifier in double precision, class names in metadata    breast-cancer-double.onnx
  classifier with a label output only and no class names     iris-label-only.onnx
  regressor, one input tensor                                diabetes-linear.onnx
  regressor, one input per column (double/int64/float)       diabetes-columns.onnx
  regressor, one input per column (string + double)          colours.onnx

It writes, under modeltest-onnx/src/test/resources/:

  onnx/*.onnx                 the models above
  onnx/iris.csv               the 30 iris test rows (same split as scripts/data/make_iris.py)
  onnx/breast-cancer.csv      the 143 breast-cancer test rows (same split as make_breast_cancer_scored.py)
  onnx/diabetes.csv           111 diabetes test rows, raw units (load_diabetes(scaled=False))
  onnx/colours.csv            12 synthetic rows for colours.onnx
  onnx/*-expected.csv         scikit-learn's own predictions on those rows, 17 significant digits
  mlflow/iris-onnx/           an MLflow model directory (MLmodel + model.onnx) in MLflow's format

and, for modeltest-examples:

  modeltest-examples/models/breast-cancer-logreg.onnx   StandardScaler + LogisticRegression, as skl2onnx emits it
  modeltest-examples/models/diabetes-linreg.onnx        LinearRegression, as skl2onnx emits it
  modeltest-examples/src/test/resources/breast-cancer-test.csv, breast-cancer.schema.yaml
  modeltest-examples/src/test/resources/diabetes-test.csv, diabetes.schema.yaml

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/models/make_onnx_models.py

The output is deterministic: rerunning it leaves every file byte-identical.
"""

import json
import shutil
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

REPO = Path(__file__).resolve().parents[2]
ONNX_OUT = REPO / "modeltest-onnx" / "src" / "test" / "resources" / "onnx"
MLFLOW_OUT = REPO / "modeltest-onnx" / "src" / "test" / "resources" / "mlflow"
EXAMPLE_MODELS = REPO / "modeltest-examples" / "models"
EXAMPLE_DATA = REPO / "modeltest-examples" / "src" / "test" / "resources"

OPSETS = [helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 2)]
PRODUCER = "modeltest scripts/models/make_onnx_models.py"

IRIS_COLUMNS = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
DIABETES_COLUMNS = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]


# ---------------------------------------------------------------- helpers


def tensor_input(name, elem_type, width):
    return helper.make_tensor_value_info(name, elem_type, [None, width])


def label_output(name, elem_type):
    return helper.make_tensor_value_info(name, elem_type, [None])


def zipmap_output(name, key_type):
    """seq(map(key_type, float)), the type of ZipMap's output (onnx 1.12's helper has no map-type builder)."""
    value = onnx.TypeProto()
    value.tensor_type.elem_type = TensorProto.FLOAT
    item = onnx.TypeProto()
    item.map_type.key_type = key_type
    item.map_type.value_type.CopyFrom(value)
    return helper.make_value_info(name, helper.make_sequence_type_proto(item))


def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def save(model_graph, path, metadata=None, doc=""):
    model = helper.make_model(model_graph, opset_imports=OPSETS, producer_name=PRODUCER, producer_version="1")
    # ONNX Runtime 1.29 reads IR version 8 (what onnx 1.12 writes) and newer.
    model.ir_version = 8
    model.doc_string = doc
    if metadata:
        helper.set_model_props(model, metadata)
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.SerializeToString())
    print(f"{path.relative_to(REPO)}: {path.stat().st_size} bytes")


def fmt(value):
    """Writes a number as the shortest text that reads back as the same double; whole numbers without '.0'."""
    value = float(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(v if isinstance(v, str) else fmt(v) for v in row) + "\n")
    print(f"{path.relative_to(REPO)}: {len(rows)} rows")


def expected_rows(truth, predicted, probabilities=None):
    rows = []
    for i in range(len(truth)):
        row = [truth[i], predicted[i]]
        if probabilities is not None:
            row += [repr(float(p)) for p in probabilities[i]]
        rows.append(row)
    return rows


# ---------------------------------------------------------------- graphs


def linear_classifier_graph(name, width, coefficients, intercepts, labels, post_transform, zipmap, normalize, scaler=None):
    """The graph skl2onnx emits for a (StandardScaler +) LogisticRegression: [Scaler ->] LinearClassifier
    [-> Normalizer(L1)] [-> ZipMap]. Labels are strings or ints; outputs output_label and output_probability."""
    string_labels = isinstance(labels[0], str)
    label_attr = {"classlabels_strings": labels} if string_labels else {"classlabels_ints": [int(v) for v in labels]}
    nodes = []
    source = "float_input"
    if scaler is not None:
        offset, scale = scaler
        nodes.append(helper.make_node("Scaler", [source], ["scaled"], domain="ai.onnx.ml",
                                      offset=[float(v) for v in offset], scale=[float(v) for v in scale]))
        source = "scaled"
    nodes.append(helper.make_node(
        "LinearClassifier", [source], ["output_label", "probability_tensor"], domain="ai.onnx.ml",
        coefficients=[float(v) for v in np.asarray(coefficients).ravel()],
        intercepts=[float(v) for v in intercepts], post_transform=post_transform, **label_attr))
    probabilities = "probability_tensor"
    if normalize:
        nodes.append(helper.make_node("Normalizer", [probabilities], ["probabilities"], domain="ai.onnx.ml", norm="L1"))
        probabilities = "probabilities"
    if zipmap:
        zip_attr = {"classlabels_strings": labels} if string_labels else {"classlabels_int64s": [int(v) for v in labels]}
        nodes.append(helper.make_node("ZipMap", [probabilities], ["output_probability"], domain="ai.onnx.ml", **zip_attr))
        prob_out = zipmap_output("output_probability", TensorProto.STRING if string_labels else TensorProto.INT64)
    else:
        nodes.append(helper.make_node("Identity", [probabilities], ["output_probability"]))
        prob_out = helper.make_tensor_value_info("output_probability", TensorProto.FLOAT, [None, len(labels)])
    label_type = TensorProto.STRING if string_labels else TensorProto.INT64
    return helper.make_graph(nodes, name, [tensor_input("float_input", TensorProto.FLOAT, width)],
                             [label_output("output_label", label_type), prob_out])


def binary_logistic(pipeline_or_model):
    """LinearClassifier coefficients for a binary LogisticRegression: rows [-w, w] and intercepts [-b, b] with
    post_transform LOGISTIC give [1 - sigmoid(z), sigmoid(z)] (skl2onnx does the same, then normalises with L1)."""
    w = pipeline_or_model.coef_[0]
    b = pipeline_or_model.intercept_[0]
    return np.vstack([-w, w]), [-b, b]


# ---------------------------------------------------------------- data sets


def iris():
    data = load_iris()
    names = [str(n) for n in data.target_names]
    X_train, X_test, y_train, y_test = train_test_split(
        data.data, data.target, test_size=0.2, stratify=data.target, random_state=42)
    model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
    proba = model.predict_proba(X_test)
    predicted = model.predict(X_test)
    print(f"iris: test accuracy {np.mean(predicted == y_test):.6f}")

    write_csv(ONNX_OUT / "iris.csv", IRIS_COLUMNS + ["species", "species_code"],
              [[*(f"{v:.1f}" for v in x), names[y], int(y)] for x, y in zip(X_test, y_test)])
    write_csv(ONNX_OUT / "iris-expected.csv", ["species_code", "predicted_code", "p0", "p1", "p2"],
              expected_rows([int(v) for v in y_test], [int(v) for v in predicted], proba))

    # multinomial LogisticRegression: softmax over the linear scores, as skl2onnx emits it
    zipmap = linear_classifier_graph("iris_zipmap", 4, model.coef_, model.intercept_, names, "SOFTMAX",
                                     zipmap=True, normalize=False)
    save(zipmap, ONNX_OUT / "iris-zipmap.onnx", doc="LogisticRegression on iris, skl2onnx style, ZipMap output")
    tensor = linear_classifier_graph("iris_tensor", 4, model.coef_, model.intercept_, names, "SOFTMAX",
                                     zipmap=False, normalize=False)
    save(tensor, ONNX_OUT / "iris-linear-tensor.onnx",
         doc="LogisticRegression on iris, skl2onnx style with zipmap=False")

    # The same model from plain operators: no node names the classes, the label is the ArgMax index.
    w = model.coef_.T.astype(np.float32)
    b = model.intercept_.astype(np.float32)
    nodes = [
        helper.make_node("MatMul", ["input", "W"], ["scores_raw"]),
        helper.make_node("Add", ["scores_raw", "B"], ["scores"]),
        helper.make_node("Softmax", ["scores"], ["probabilities"], axis=1),
        helper.make_node("ArgMax", ["probabilities"], ["label"], axis=1, keepdims=0),
    ]
    graph = helper.make_graph(nodes, "iris_matmul", [tensor_input("input", TensorProto.FLOAT, 4)],
                              [label_output("label", TensorProto.INT64),
                               helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 3])],
                              initializer=[const("W", w), const("B", b)])
    save(graph, ONNX_OUT / "iris-matmul.onnx", doc="LogisticRegression on iris from MatMul, Add, Softmax, ArgMax")

    nodes = [
        helper.make_node("MatMul", ["input", "W"], ["scores_raw"]),
        helper.make_node("Add", ["scores_raw", "B"], ["scores"]),
        helper.make_node("ArgMax", ["scores"], ["label"], axis=1, keepdims=0),
    ]
    graph = helper.make_graph(nodes, "iris_label_only", [tensor_input("input", TensorProto.FLOAT, 4)],
                              [label_output("label", TensorProto.INT64)],
                              initializer=[const("W", w), const("B", b)])
    save(graph, ONNX_OUT / "iris-label-only.onnx", doc="a label output and nothing that names the classes")

    write_mlflow(ONNX_OUT / "iris-zipmap.onnx")


def breast_cancer():
    data = load_breast_cancer()
    names = [str(n) for n in data.target_names]
    assert names == ["malignant", "benign"], names
    columns = [str(n).replace(" ", "_") for n in data.feature_names]
    X_train, X_test, y_train, y_test = train_test_split(
        data.data, data.target, test_size=0.25, stratify=data.target, random_state=42)

    # Integer target (0 = malignant, 1 = benign), as load_breast_cancer(return_X_y=True) code fits it.
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, random_state=0)).fit(X_train, y_train)
    scaler, model = pipeline[0], pipeline[1]
    proba = pipeline.predict_proba(X_test)
    predicted = pipeline.predict(X_test)
    print(f"breast cancer (integer target): test accuracy {np.mean(predicted == y_test):.6f}")

    write_csv(ONNX_OUT / "breast-cancer.csv", columns + ["diagnosis", "target"],
              [[*x, names[y], int(y)] for x, y in zip(X_test, y_test)])
    write_csv(ONNX_OUT / "breast-cancer-expected.csv", ["target", "predicted", "p0", "p1"],
              expected_rows([int(v) for v in y_test], [int(v) for v in predicted], proba))

    coefficients, intercepts = binary_logistic(model)
    graph = linear_classifier_graph("breast_cancer_zipmap_int", 30, coefficients, intercepts, [0, 1], "LOGISTIC",
                                    zipmap=True, normalize=True, scaler=(scaler.mean_, 1.0 / scaler.scale_))
    save(graph, ONNX_OUT / "breast-cancer-zipmap-int.onnx",
         doc="StandardScaler + LogisticRegression on breast cancer, skl2onnx style, integer classes")

    # The same pipeline in double precision from plain operators, probabilities only; the class names are in the
    # model's metadata. softmax([0, z]) = [1 - sigmoid(z), sigmoid(z)], sklearn's binary predict_proba.
    w = np.zeros((30, 2))
    w[:, 1] = model.coef_[0]
    b = np.array([0.0, model.intercept_[0]])
    nodes = [
        helper.make_node("Sub", ["input", "mean"], ["centred"]),
        helper.make_node("Div", ["centred", "scale"], ["standardised"]),
        helper.make_node("MatMul", ["standardised", "W"], ["scores_raw"]),
        helper.make_node("Add", ["scores_raw", "B"], ["scores"]),
        helper.make_node("Softmax", ["scores"], ["probabilities"], axis=1),
    ]
    graph = helper.make_graph(
        nodes, "breast_cancer_double", [tensor_input("input", TensorProto.DOUBLE, 30)],
        [helper.make_tensor_value_info("probabilities", TensorProto.DOUBLE, [None, 2])],
        initializer=[const("mean", scaler.mean_), const("scale", scaler.scale_), const("W", w), const("B", b)])
    save(graph, ONNX_OUT / "breast-cancer-double.onnx", metadata={"classes": json.dumps(names)},
         doc="StandardScaler + LogisticRegression on breast cancer in double precision, probabilities only")

    # The example model: fitted on the text labels, so its classes are sklearn's sorted ['benign', 'malignant'].
    text = np.array([names[v] for v in y_train])
    text_pipeline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, random_state=0)).fit(X_train, text)
    classes = [str(c) for c in text_pipeline.classes_]
    assert classes == ["benign", "malignant"], classes
    accuracy = np.mean(text_pipeline.predict(X_test) == np.array([names[v] for v in y_test]))
    print(f"breast cancer (text labels, example model): test accuracy {accuracy:.6f}")
    coefficients, intercepts = binary_logistic(text_pipeline[1])
    graph = linear_classifier_graph("breast_cancer_logreg", 30, coefficients, intercepts, classes, "LOGISTIC",
                                    zipmap=True, normalize=True,
                                    scaler=(text_pipeline[0].mean_, 1.0 / text_pipeline[0].scale_))
    save(graph, EXAMPLE_MODELS / "breast-cancer-logreg.onnx",
         doc="StandardScaler + LogisticRegression on breast cancer, skl2onnx style")
    write_csv(EXAMPLE_DATA / "breast-cancer-test.csv", columns + ["diagnosis"],
              [[*x, names[y]] for x, y in zip(X_test, y_test)])
    # Every feature is a non-negative measurement; the upper bounds are twice the largest value in the whole
    # data set, rounded up to two significant digits: loose enough for a new patient, tight enough for a unit slip.
    lines = ["# Generated by scripts/models/make_onnx_models.py; do not edit by hand.", "columns:"]
    for i, c in enumerate(columns):
        lines.append(f"  {c}: {{type: double, min: 0, max: {round_up(2 * data.data[:, i].max())}, nullable: false}}")
    lines.append("  diagnosis: {type: string, allowed: [benign, malignant], nullable: false}")
    (EXAMPLE_DATA / "breast-cancer.schema.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def round_up(value):
    digits = 2 - int(np.floor(np.log10(value))) - 1
    rounded = np.ceil(value * 10**digits) / 10**digits
    return fmt(round(rounded, max(digits, 0)))


def diabetes():
    data = load_diabetes(scaled=False)
    X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.25, random_state=42)
    model = LinearRegression().fit(X_train, y_train)
    predicted = model.predict(X_test)
    residual = y_test - predicted
    r2 = 1 - np.sum(residual**2) / np.sum((y_test - y_test.mean()) ** 2)
    print(f"diabetes: test R^2 {r2:.6f}, predictions in [{predicted.min():.1f}, {predicted.max():.1f}]")

    rows = [[*x, y] for x, y in zip(X_test, y_test)]
    write_csv(ONNX_OUT / "diabetes.csv", DIABETES_COLUMNS + ["progression"], rows)
    write_csv(ONNX_OUT / "diabetes-expected.csv", ["progression", "predicted"],
              [[y, repr(float(p))] for y, p in zip(y_test, predicted)])

    # skl2onnx's graph for LinearRegression: one LinearRegressor node, output 'variable' of shape [N, 1].
    def linear_regressor(name):
        node = helper.make_node("LinearRegressor", ["float_input"], ["variable"], domain="ai.onnx.ml",
                                coefficients=[float(v) for v in model.coef_], intercepts=[float(model.intercept_)])
        return helper.make_graph([node], name, [tensor_input("float_input", TensorProto.FLOAT, 10)],
                                 [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])])

    save(linear_regressor("diabetes_linear"), ONNX_OUT / "diabetes-linear.onnx",
         doc="LinearRegression on diabetes (raw units), skl2onnx style")
    save(linear_regressor("diabetes_linreg"), EXAMPLE_MODELS / "diabetes-linreg.onnx",
         doc="LinearRegression on diabetes (raw units), skl2onnx style")

    # One input per column, as skl2onnx makes for a DataFrame with initial_types per column; mixed element types.
    types = {"sex": TensorProto.INT64, "bmi": TensorProto.FLOAT, "bp": TensorProto.FLOAT}
    inputs, nodes, cast = [], [], []
    for c in DIABETES_COLUMNS:
        elem = types.get(c, TensorProto.DOUBLE)
        inputs.append(helper.make_tensor_value_info(c, elem, [None, 1]))
        nodes.append(helper.make_node("Cast", [c], [c + "_d"], to=TensorProto.DOUBLE))
        cast.append(c + "_d")
    nodes += [
        helper.make_node("Concat", cast, ["features"], axis=1),
        helper.make_node("MatMul", ["features", "W"], ["raw"]),
        helper.make_node("Add", ["raw", "B"], ["variable"]),
    ]
    graph = helper.make_graph(nodes, "diabetes_columns", inputs,
                              [helper.make_tensor_value_info("variable", TensorProto.DOUBLE, [None, 1])],
                              initializer=[const("W", model.coef_.reshape(10, 1)), const("B", np.array([model.intercept_]))])
    save(graph, ONNX_OUT / "diabetes-columns.onnx", doc="LinearRegression on diabetes, one input per column")

    write_csv(EXAMPLE_DATA / "diabetes-test.csv", DIABETES_COLUMNS + ["progression"], rows)
    lines = ["# Generated by scripts/models/make_onnx_models.py; do not edit by hand.",
             "# Raw units (load_diabetes(scaled=False)): age in years, sex coded 1/2, bmi, mean blood pressure bp,",
             "# six blood serum measurements s1..s6 and the disease progression one year later.", "columns:"]
    for i, c in enumerate(DIABETES_COLUMNS):
        if c == "sex":
            lines.append("  sex: {type: integer, allowed: [1, 2], nullable: false}")
        elif c == "age":
            lines.append("  age: {type: integer, min: 18, max: 100, nullable: false}")
        else:
            lines.append(f"  {c}: {{type: double, min: 0, max: {round_up(2 * data.data[:, i].max())}, nullable: false}}")
    lines.append("  progression: {type: double, min: 0, max: 400, nullable: false}")
    (EXAMPLE_DATA / "diabetes.schema.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def colours():
    """A string input and a double input: value = size + code(colour), red 1, green 2, blue 3, anything else 0."""
    codes = {"red": 1.0, "green": 2.0, "blue": 3.0}
    rng = np.random.default_rng(7)
    palette = ["red", "green", "blue", "purple"]
    rows = []
    for i in range(12):
        colour = palette[i % 4]
        size = round(float(rng.uniform(0, 10)), 3)
        rows.append([colour, size, size + codes.get(colour, 0.0)])
    write_csv(ONNX_OUT / "colours.csv", ["colour", "size", "value"], rows)
    nodes = [
        helper.make_node("LabelEncoder", ["colour"], ["code_f"], domain="ai.onnx.ml",
                         keys_strings=list(codes), values_floats=list(codes.values()), default_float=0.0),
        helper.make_node("Cast", ["code_f"], ["code"], to=TensorProto.DOUBLE),
        helper.make_node("Add", ["size", "code"], ["value"]),
    ]
    graph = helper.make_graph(nodes, "colours",
                              [helper.make_tensor_value_info("colour", TensorProto.STRING, [None, 1]),
                               helper.make_tensor_value_info("size", TensorProto.DOUBLE, [None, 1])],
                              [helper.make_tensor_value_info("value", TensorProto.DOUBLE, [None, 1])])
    save(graph, ONNX_OUT / "colours.onnx", doc="value = size + code(colour)")


def write_mlflow(onnx_file):
    """An MLflow model directory as mlflow.onnx.log_model writes it (MLflow 2.x), by hand: MLflow is not packaged."""
    directory = MLFLOW_OUT / "iris-onnx"
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(onnx_file, directory / "model.onnx")
    inputs = json.dumps([{"type": "float", "name": c, "required": True} for c in IRIS_COLUMNS])
    outputs = json.dumps([{"type": "tensor", "tensor-spec": {"dtype": "object", "shape": [-1]}}])
    text = f"""artifact_path: model
flavors:
  onnx:
    code: null
    data: model.onnx
    onnx_version: {onnx.__version__}
    providers:
    - CPUExecutionProvider
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: 3.11.2
mlflow_version: 2.9.2
model_uuid: 0b5c6bb6a0d34f1b8a6c3a9f2e7d4c11
run_id: 5d1c0c2f8e6b4b7f9a3d2e1f0a9b8c7d
signature:
  inputs: '{inputs}'
  outputs: '{outputs}'
  params: null
utc_time_created: '2024-01-15 10:00:00.000000'
"""
    (directory / "MLmodel").write_text(text, encoding="utf-8")
    print(f"{(directory / 'MLmodel').relative_to(REPO)}")


def main():
    iris()
    breast_cancer()
    diabetes()
    colours()


if __name__ == "__main__":
    main()
