import { strict as assert } from "node:assert";
import { eciPodNeed, eciRoundingWarning, eciShapeFor, quantityValue } from "../../../../model/ack/eci-size";
import { eciFleetWarnings } from "../../../../model/fleet/eci-fit";
import { fleetConfig } from "../../../helpers/fleet";

describe("ECI bills a pod as the smallest shape holding the sum of its limits", () => {
  it("reads Kubernetes quantities", () => {
    const cases: [string, number][] = [
      ["500m", 0.5],
      ["1.5", 1.5],
      ["2", 2],
      ["256Mi", 256 * 2 ** 20],
      ["4Gi", 4 * 2 ** 30],
      ["1G", 1e9],
      ["1e3", 1000],
    ];
    for (const [quantity, value] of cases) assert.equal(quantityValue(quantity), value, quantity);
    assert.equal(quantityValue("lots"), undefined);
  });

  it("rounds up to the shapes every region offers", () => {
    const cases: [number, number, { cpu: number; memory: number }][] = [
      [2.5, 2.25, { cpu: 4, memory: 4 }], // the former prod k8s fleet: build 2 + helper 0.5
      [2, 4, { cpu: 2, memory: 4 }],
      [0.3, 0.3, { cpu: 0.5, memory: 1 }],
      [7, 13, { cpu: 8, memory: 16 }],
      [1, 0.75, { cpu: 1, memory: 2 }],
    ];
    for (const [cpu, memory, shape] of cases)
      assert.deepEqual(eciShapeFor({ cpu, memory }), shape, `${cpu}/${memory}`);
    assert.equal(eciShapeFor({ cpu: 65, memory: 1 }), undefined);
  });

  it("sums limits, or requests where a container has none, and gives a pod without either ECI's default", () => {
    const gi = (n: number) => `${n}Gi`;
    assert.deepEqual(
      eciPodNeed([
        { cpu: "1500m", memory: gi(3.5) },
        { cpu: "500m", memory: "512Mi" },
      ]),
      {
        cpu: 2,
        memory: 4,
      },
    );
    assert.deepEqual(eciPodNeed([{}, {}]), { cpu: 2, memory: 4 });
  });

  it("warns when the billed shape exceeds what the containers ask for by more than a quarter", () => {
    assert.equal(eciRoundingWarning("job pods", { cpu: 2, memory: 4 }), undefined);
    assert.match(
      eciRoundingWarning("job pods", { cpu: 2.5, memory: 2.25 }) ?? "",
      /^job pods are billed by ECI as 4 vCPU \/ 4 GiB, the smallest shape holding the 2\.5 vCPU \/ 2\.25 GiB/,
    );
    assert.match(
      eciRoundingWarning("job pods", { cpu: 80, memory: 1 }) ?? "",
      /more than any ECI shape holds/,
    );
  });

  it("counts each service the fleet names, and warns about always pulling past the image cache", () => {
    const fleet = fleetConfig({
      manager: { limits: { cpu: "500m", memory: "1Gi" } },
      kubernetes: {
        cpuLimit: "1",
        memoryLimit: "1Gi",
        helperCpuLimit: "500m",
        helperMemoryLimit: "512Mi",
        serviceCpuLimit: "500m",
        serviceMemoryLimit: "512Mi",
        services: [{ name: "postgres:16.4" }],
        pullPolicy: ["always", "if-not-present"],
      },
    });
    const warnings = eciFleetWarnings([fleet], true);
    assert.equal(warnings.length, 1, warnings.join("\n")); // 2 vCPU / 2 GiB: a shape, so only the pull policy
    assert.match(warnings[0], /kubernetes\.pullPolicy starts with always/);
    assert.deepEqual(eciFleetWarnings([fleet], false), [], "without a cache there is nothing to pull past");
  });
});
