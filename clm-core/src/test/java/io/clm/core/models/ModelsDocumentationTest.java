package io.clm.core.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.model.TransitionRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rule and parameter tables of docs/models.md, one section per built-in model, say exactly what
 * the models do with their default parameters: every rule with its stages, priority and condition
 * as {@code Condition.toString()} prints it, and every parameter with its default.
 */
class ModelsDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "models.md");

  private static final List<LifecycleModelProvider> PROVIDERS =
      List.of(
          new ThreeStageProvider(),
          new BankingSixStageProvider(),
          new RelationshipSevenPeriodProvider(),
          new FourStageProvider(),
          new JourneySevenStageProvider(),
          new RelationshipStatusProvider());

  @Test
  void everyModelSectionListsItsRulesAndParametersAsTheModelHasThem() throws IOException {
    Map<String, List<String[]>> sections = sections(Files.readAllLines(DOC));
    for (LifecycleModelProvider provider : PROVIDERS) {
      String id = provider.id();
      assertThat(sections).as("a section '## %s' in %s", id, DOC).containsKey(id);
      Map<String, String> documentedRules = new TreeMap<>();
      Map<String, Double> documentedParameters = new TreeMap<>();
      for (String[] cells : sections.get(id)) {
        String name = cells[0].replace("`", "");
        if (cells.length >= 4 && cells[1].contains("→")) {
          documentedRules.put(name, cells[1] + " | " + cells[2] + " | " + cells[3]);
        } else if (cells.length >= 3 && cells[1].matches("[0-9.]+")) {
          documentedParameters.put(name, Double.valueOf(cells[1]));
        }
      }
      resolveSameAs(documentedRules);

      Map<String, String> rules = new TreeMap<>();
      LifecycleModel model = provider.create();
      for (TransitionRule r : model.rules()) {
        rules.put(r.id(), r.from() + " → " + r.to() + " | " + r.priority() + " | `" + r.condition() + "`");
      }
      assertThat(documentedRules).as("rules of %s in %s", id, DOC).isEqualTo(rules);
      assertThat(documentedParameters)
          .as("parameters of %s in %s", id, DOC)
          .isEqualTo(new TreeMap<>(provider.defaultParameters()));
    }
  }

  /** The table rows of each "## id" section, split into trimmed cells. */
  private static Map<String, List<String[]>> sections(List<String> lines) {
    Map<String, List<String[]>> sections = new LinkedHashMap<>();
    List<String[]> current = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        current = new ArrayList<>();
        sections.put(line.substring(3).trim(), current);
      } else if (current != null && line.startsWith("| `")) {
        String[] cells = line.substring(1).split("\\|");
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].trim();
        }
        current.add(cells);
      }
    }
    return sections;
  }

  /** A condition written "same as `other-rule`" is that rule's condition. */
  private static void resolveSameAs(Map<String, String> rules) {
    for (Map.Entry<String, String> e : rules.entrySet()) {
      String[] parts = e.getValue().split(" \\| ", 3);
      if (parts[2].startsWith("same as `")) {
        String other = parts[2].substring("same as `".length(), parts[2].length() - 1);
        e.setValue(parts[0] + " | " + parts[1] + " | " + rules.get(other).split(" \\| ", 3)[2]);
      }
    }
  }
}
