package dev.adafocus.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.backbones.BackboneSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamGroupTest {
  /** The official get_optim_policies split of AdaFocusV2. */
  static Map<String, String> adaFocusGroups() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("policy_stn.", "policy");
    m.put("global_CNN", "glance");
    m.put("local_CNN", "focus");
    m.put("classifier.", "classifier");
    return m;
  }

  @Test
  void adaFocusParametersSplitIntoTheFourOfficialGroupsExactlyOnce() {
    AdaFocusV2 model = new AdaFocusV2(new AdaFocusConfig(5, 2, 32, 16, new BackboneSpec("mobilenet_v2", 0.25), 0,
        new BackboneSpec("resnet10", 0.25), 8, 8, 0.2, 0.2));
    List<ParamGroup> groups = ParamGroup.byPrefix(model, adaFocusGroups());
    assertEquals(List.of("policy", "glance", "focus", "classifier"), groups.stream().map(ParamGroup::name).toList());
    Set<String> seen = new HashSet<>();
    for (ParamGroup g : groups) {
      for (String name : g.params().keySet()) {
        assertTrue(seen.add(name), name + " in two groups");
      }
    }
    assertEquals(model.named_parameters(true).size(), seen.size(), "every parameter in a group");
    assertTrue(groups.get(1).params().containsKey("global_CNN_fc.1.weight"), "the glance aux head trains with the glance");
    assertTrue(groups.get(2).params().containsKey("local_CNN_fc.1.weight"), "the focus aux head trains with the focus");
    assertTrue(groups.get(0).params().keySet().stream().allMatch(k -> k.startsWith("policy_stn.")));
  }

  @Test
  void aParameterOutsideEveryGroupIsAnError() {
    ToyTask toy = new ToyTask(3, 2, true, 0, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParamGroup.byPrefix(toy.module(), Map.of("bn.", "glance")));
    assertTrue(e.getMessage().startsWith("parameter 'fc.weight' is in no parameter group"), e.getMessage());
  }
}
