package io.clm.api.model;

import io.clm.api.Condition;
import io.clm.api.TextRules;
import io.clm.api.IllegalTransitionException;
import io.clm.api.InvalidModelException;
import io.clm.api.Stage;
import io.clm.api.StageFamily;
import io.clm.api.annotation.Stable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A lifecycle model: its stages in order, the initial and terminal stages, the automatic
 * transitions with their rules, and the policy for manual moves. Immutable and thread-safe. Build
 * one with {@link #builder(String)}:
 *
 * <pre>{@code
 * LifecycleModel model = LifecycleModel.builder("retail-simple")
 *     .stage("prospect", StageFamily.PROSPECT)
 *     .stage("active", StageFamily.GROWTH)
 *     .stage("lapsed", StageFamily.EXIT)
 *     .initial("prospect")
 *     .terminal("lapsed")
 *     .rule("first-purchase").from("prospect").to("active").priority(1)
 *         .when(Metric.TRANSACTION_COUNT.atLeast(1))
 *     .rule("inactive").from("active").to("lapsed").priority(1)
 *         .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(180))
 *     .build();
 * }</pre>
 *
 * <p><b>Forward-only</b> models (the default) order their stages as declared: automatic rules may
 * only move a customer to a later stage, and the only way back is a {@link
 * io.clm.api.event.ManualMove manual move} with a reason, as in the CRMs banks use. Models that let
 * customers recover or be won back automatically declare {@code forwardOnly(false)}.
 *
 * <p><b>Terminal</b> stages end a cycle of the relationship (termination, dissolution). Rules out
 * of a terminal stage start a new cycle (win-back).
 */
@Stable
public final class LifecycleModel {

  private final String id;
  private final List<Stage> stages;
  private final Map<String, Integer> order;
  private final String initial;
  private final Set<String> terminal;
  private final List<TransitionRule> rules;
  private final Map<String, List<TransitionRule>> rulesFrom;
  private final boolean forwardOnly;
  private final boolean manualMoves;

  private LifecycleModel(Builder b, List<TransitionRule> allRules) {
    this.id = b.id;
    this.stages = List.copyOf(b.stages.values());
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      order.put(stages.get(i).id(), i);
    }
    this.order = Map.copyOf(order);
    this.initial = b.initial;
    this.terminal = Set.copyOf(b.terminal);
    this.rules = List.copyOf(allRules);
    Map<String, List<TransitionRule>> from = new HashMap<>();
    for (Stage s : stages) {
      List<TransitionRule> out = new ArrayList<>();
      for (TransitionRule r : rules) {
        if (r.from().equals(s.id())) {
          out.add(r);
        }
      }
      out.sort(Comparator.comparingInt(TransitionRule::priority).reversed());
      from.put(s.id(), List.copyOf(out));
    }
    this.rulesFrom = Map.copyOf(from);
    this.forwardOnly = b.forwardOnly;
    this.manualMoves = b.manualMoves;
  }

  /**
   * Starts a model.
   *
   * @param id the model's id: lowercase letters, digits, hyphens and dots
   * @return a builder
   * @throws InvalidModelException if the id is blank or malformed
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * The model's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The stages, in model order.
   *
   * @return the stages
   */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * A stage by id.
   *
   * @param stageId the id
   * @return the stage, or empty if the model has none with that id
   */
  public Optional<Stage> stage(String stageId) {
    Integer index = order.get(stageId);
    return index == null ? Optional.empty() : Optional.of(stages.get(index));
  }

  /**
   * A stage's position in model order, from 0.
   *
   * @param stageId the id
   * @return the position
   * @throws IllegalTransitionException if the model has no such stage
   */
  public int indexOf(String stageId) {
    Integer index = order.get(stageId);
    if (index == null) {
      List<String> ids = new ArrayList<>();
      stages.forEach(s -> ids.add(s.id()));
      throw new IllegalTransitionException(
          "stage " + TextRules.excerpt(stageId) + " is not in model " + TextRules.excerpt(id) + "; stages are " + ids);
    }
    return index;
  }

  /**
   * The stage every new customer starts in.
   *
   * @return the initial stage's id
   */
  public String initialStage() {
    return initial;
  }

  /**
   * Whether a stage ends a cycle of the relationship.
   *
   * @param stageId the stage
   * @return true if terminal
   */
  public boolean isTerminal(String stageId) {
    return terminal.contains(stageId);
  }

  /**
   * The terminal stages.
   *
   * @return their ids
   */
  public Set<String> terminalStages() {
    return terminal;
  }

  /**
   * All rules, in declaration order.
   *
   * @return the rules
   */
  public List<TransitionRule> rules() {
    return rules;
  }

  /**
   * The rules out of a stage, highest priority first.
   *
   * @param stageId the stage
   * @return the rules; empty for a stage with none or an unknown stage
   */
  public List<TransitionRule> rulesFrom(String stageId) {
    return rulesFrom.getOrDefault(stageId, List.of());
  }

  /**
   * Whether automatic rules only move forward.
   *
   * @return true if forward-only
   */
  public boolean isForwardOnly() {
    return forwardOnly;
  }

  /**
   * Whether people may move customers by hand.
   *
   * @return true if manual moves are allowed
   */
  public boolean allowsManualMoves() {
    return manualMoves;
  }

  /**
   * Checks that a manual move is allowed: manual moves are on, the target is a stage of the model
   * and differs from the current stage.
   *
   * @param from the current stage
   * @param to the target stage
   * @throws IllegalTransitionException naming the model, the stages and the reason, if not
   */
  public void checkManualMove(String from, String to) {
    if (!manualMoves) {
      throw new IllegalTransitionException("model " + TextRules.excerpt(id) + " does not allow manual moves");
    }
    indexOf(to);
    if (from.equals(to)) {
      throw new IllegalTransitionException("manual move to " + TextRules.excerpt(to) + ", the current stage");
    }
  }

  /** Returns the model id and stage ids. */
  @Override
  public String toString() {
    List<String> ids = new ArrayList<>();
    stages.forEach(s -> ids.add(s.id()));
    return "LifecycleModel[" + id + ", stages=" + ids + "]";
  }

  /**
   * Builds a {@link LifecycleModel}. Each setter checks its argument at once; checks that need the
   * whole model run in {@link #build()}. Not thread-safe.
   */
  public static final class Builder {
    private final String id;
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private String initial;
    private final Set<String> terminal = new LinkedHashSet<>();
    /** Rules in declaration order: each a {@link TransitionRule} or a {@link RuleGroup}. */
    private final List<Object> declaredRules = new ArrayList<>();
    private boolean forwardOnly = true;
    private boolean manualMoves = true;
    private boolean forwardOnlySet;
    private boolean manualMovesSet;

    private Builder(String id) {
      Objects.requireNonNull(id, "model id");
      java.util.Optional<String> problem = io.clm.api.spi.PluginRules.idProblem(id);
      if (problem.isPresent()) {
        throw new InvalidModelException("model " + problem.get());
      }
      this.id = id;
    }

    /**
     * Adds a stage; stages are ordered as added.
     *
     * @param stageId the stage id
     * @param family what kind of stage it is
     * @return this builder
     * @throws InvalidModelException if a stage with that id was added already
     */
    public Builder stage(String stageId, StageFamily family) {
      Stage stage = new Stage(stageId, family);
      if (stages.putIfAbsent(stageId, stage) != null) {
        throw new InvalidModelException("model " + TextRules.excerpt(id) + ": stage " + TextRules.excerpt(stageId) + " is declared twice");
      }
      return this;
    }

    /**
     * Sets the initial stage.
     *
     * @param stageId the stage every new customer starts in
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder initial(String stageId) {
      Objects.requireNonNull(stageId, "initial stage");
      if (initial != null) {
        throw new IllegalStateException("initial stage was already set to " + TextRules.excerpt(initial));
      }
      this.initial = stageId;
      return this;
    }

    /**
     * Marks stages as terminal.
     *
     * @param stageIds the stages
     * @return this builder
     */
    public Builder terminal(String... stageIds) {
      for (String s : stageIds) {
        terminal.add(Objects.requireNonNull(s, "terminal stage"));
      }
      return this;
    }

    /**
     * Sets whether automatic rules may only move forward (default true).
     *
     * @param value the setting
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder forwardOnly(boolean value) {
      if (forwardOnlySet) {
        throw new IllegalStateException("forwardOnly was already set");
      }
      forwardOnlySet = true;
      this.forwardOnly = value;
      return this;
    }

    /**
     * Sets whether people may move customers by hand (default true).
     *
     * @param value the setting
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder manualMoves(boolean value) {
      if (manualMovesSet) {
        throw new IllegalStateException("manualMoves was already set");
      }
      manualMovesSet = true;
      this.manualMoves = value;
      return this;
    }

    /**
     * Adds a rule.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder rule(TransitionRule rule) {
      declaredRules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Starts a rule fluently: {@code .rule("id").from("a").to("b").priority(1).when(condition)}.
     *
     * @param ruleId the rule's id
     * @return a rule builder that returns to this builder at {@code when}
     */
    public RuleBuilder rule(String ruleId) {
      return new RuleBuilder(this, ruleId);
    }

    /**
     * Checks the whole model and builds it.
     *
     * @return the model
     * @throws InvalidModelException naming the problem: no stages, no or unknown initial stage, an
     *     unknown terminal stage, a rule to or from an unknown stage, two rules with one id, two
     *     rules out of one stage with one priority, a backward rule in a forward-only model, a
     *     stage unreachable from the initial stage
     */
    public LifecycleModel build() {
      String where = "model " + TextRules.excerpt(id) + ": ";
      if (stages.isEmpty()) {
        throw new InvalidModelException(where + "has no stages");
      }
      if (initial == null) {
        throw new InvalidModelException(where + "initial stage is not set");
      }
      requireStage(where, initial, "initial stage");
      for (String t : terminal) {
        requireStage(where, t, "terminal stage");
      }
      List<String> order = new ArrayList<>(stages.keySet());
      Set<String> ruleIds = new HashSet<>();
      for (Object declared : declaredRules) {
        String ruleId = declared instanceof TransitionRule r ? r.id() : ((RuleGroup) declared).id;
        if (!ruleIds.add(ruleId)) {
          throw new InvalidModelException(where + "rule id " + TextRules.excerpt(ruleId) + " is used twice");
        }
      }
      List<TransitionRule> rules = expand(where);
      Map<String, TransitionRule> priorities = new HashMap<>();
      for (TransitionRule r : rules) {
        requireStage(where, r.from(), "rule " + TextRules.excerpt(r.id()) + " from stage");
        requireStage(where, r.to(), "rule " + TextRules.excerpt(r.id()) + " to stage");
        TransitionRule tie = priorities.putIfAbsent(r.from() + "\u0000" + r.priority(), r);
        if (tie != null) {
          throw new InvalidModelException(
              where
                  + "rules '"
                  + tie.id()
                  + "' and '"
                  + r.id()
                  + "' out of stage '"
                  + r.from()
                  + "' tie at priority "
                  + r.priority());
        }
        if (forwardOnly && order.indexOf(r.to()) < order.indexOf(r.from())) {
          throw new InvalidModelException(
              where
                  + "rule '"
                  + r.id()
                  + "' moves backward from '"
                  + r.from()
                  + "' to '"
                  + r.to()
                  + "' in a forward-only model");
        }
      }
      Set<String> reached = new HashSet<>();
      Deque<String> queue = new ArrayDeque<>();
      queue.add(initial);
      reached.add(initial);
      while (!queue.isEmpty()) {
        String s = queue.poll();
        for (TransitionRule r : rules) {
          if (r.from().equals(s) && reached.add(r.to())) {
            queue.add(r.to());
          }
        }
      }
      for (String s : order) {
        if (!reached.contains(s)) {
          throw new InvalidModelException(
              where + "stage " + TextRules.excerpt(s) + " is unreachable from initial stage " + TextRules.excerpt(initial) + "");
        }
      }
      return new LifecycleModel(this, rules);
    }

    /**
     * The rules as the model holds them: a rule declared from several stages (or stage families)
     * becomes one rule per stage it leaves, all with the declared id, in the order the stages were
     * named (for families, model order), leaving out the target stage itself.
     */
    private List<TransitionRule> expand(String where) {
      List<TransitionRule> all = new ArrayList<>();
      for (Object declared : declaredRules) {
        if (declared instanceof TransitionRule r) {
          all.add(r);
          continue;
        }
        RuleGroup group = (RuleGroup) declared;
        List<String> sources = new ArrayList<>();
        if (group.families.isEmpty()) {
          for (String stageId : group.stages) {
            requireStage(where, stageId, "rule " + TextRules.excerpt(group.id) + " from stage");
            sources.add(stageId);
          }
        } else {
          for (Stage stage : stages.values()) {
            if (group.families.contains(stage.family())) {
              sources.add(stage.id());
            }
          }
          if (sources.isEmpty() || sources.equals(List.of(group.to))) {
            throw new InvalidModelException(
                where + "rule " + TextRules.excerpt(group.id) + " leaves from families " + group.families + ", which have no stage to leave");
          }
        }
        for (String from : sources) {
          if (!from.equals(group.to)) {
            all.add(new TransitionRule(group.id, from, group.to, group.priority, group.condition));
          }
        }
      }
      return all;
    }

    private void requireStage(String where, String stageId, String what) {
      if (!stages.containsKey(stageId)) {
        throw new InvalidModelException(
            where + what + " " + TextRules.excerpt(stageId) + " is not a declared stage; stages are " + stages.keySet());
      }
    }
  }

  /** A rule declared from several stages or stage families, expanded when the model is built. */
  private record RuleGroup(
      String id, List<String> stages, Set<StageFamily> families, String to, int priority, Condition condition) {}

  /** The fluent steps of one rule; {@link #when} adds it and returns to the model builder. */
  public static final class RuleBuilder {
    private final Builder parent;
    private final String ruleId;
    private String from;
    private List<String> fromStages;
    private Set<StageFamily> fromFamilies;
    private String to;
    private Integer priority;

    private RuleBuilder(Builder parent, String ruleId) {
      this.parent = parent;
      this.ruleId = Objects.requireNonNull(ruleId, "rule id");
    }

    /**
     * The stage the rule applies in.
     *
     * @param stageId the stage
     * @return this
     */
    public RuleBuilder from(String stageId) {
      requireNoSource();
      this.from = Objects.requireNonNull(stageId, "from");
      return this;
    }

    /**
     * The stages the rule applies in: one rule that leaves from any of them ("from any active
     * stage to dormant"). The model holds it as one rule per stage, all with this rule's id; the
     * target stage itself is left out if it is named.
     *
     * @param stageIds the stages, at least one, each declared in the model by the time it is built
     * @return this
     * @throws InvalidModelException if no stage is given or one is given twice
     */
    public RuleBuilder fromAny(String... stageIds) {
      requireNoSource();
      Objects.requireNonNull(stageIds, "from");
      if (stageIds.length == 0) {
        throw new InvalidModelException("rule " + TextRules.excerpt(ruleId) + " needs at least one stage in fromAny()");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (String stageId : stageIds) {
        if (!seen.add(Objects.requireNonNull(stageId, "from"))) {
          throw new InvalidModelException("rule " + TextRules.excerpt(ruleId) + " names stage " + TextRules.excerpt(stageId) + " twice in fromAny()");
        }
      }
      this.fromStages = List.copyOf(seen);
      return this;
    }

    /**
     * The stage families the rule applies in: it leaves from every stage of the model whose
     * family is one of these (except the target stage), as {@link #fromAny} does.
     *
     * @param families the families, at least one
     * @return this
     * @throws InvalidModelException if no family is given
     */
    public RuleBuilder fromFamilies(StageFamily... families) {
      requireNoSource();
      Objects.requireNonNull(families, "from");
      if (families.length == 0) {
        throw new InvalidModelException("rule " + TextRules.excerpt(ruleId) + " needs at least one family in fromFamilies()");
      }
      Set<StageFamily> set = new LinkedHashSet<>();
      for (StageFamily family : families) {
        set.add(Objects.requireNonNull(family, "from"));
      }
      this.fromFamilies = Collections.unmodifiableSet(set);
      return this;
    }

    private void requireNoSource() {
      if (from != null || fromStages != null || fromFamilies != null) {
        throw new InvalidModelException("rule " + TextRules.excerpt(ruleId) + " already has its from stages");
      }
    }

    /**
     * The stage the rule moves to.
     *
     * @param stageId the stage
     * @return this
     */
    public RuleBuilder to(String stageId) {
      this.to = Objects.requireNonNull(stageId, "to");
      return this;
    }

    /**
     * The rule's priority among the rules out of its stage; higher fires first.
     *
     * @param value the priority
     * @return this
     */
    public RuleBuilder priority(int value) {
      this.priority = value;
      return this;
    }

    /**
     * Sets the condition and adds the rule.
     *
     * @param condition when the rule fires
     * @return the model builder
     * @throws InvalidModelException if from, to or priority is missing
     */
    public Builder when(io.clm.api.Condition condition) {
      boolean hasSource = from != null || fromStages != null || fromFamilies != null;
      if (!hasSource || to == null || priority == null) {
        throw new InvalidModelException(
            "rule " + TextRules.excerpt(ruleId) + " needs from, to and priority before when()");
      }
      if (from != null) {
        return parent.rule(new TransitionRule(ruleId, from, to, priority, condition));
      }
      // the id and the condition are checked as for a single rule, with a stand-in source stage
      new TransitionRule(ruleId, to + "-from", to, priority, condition);
      parent.declaredRules.add(
          new RuleGroup(
              ruleId,
              fromStages == null ? List.of() : fromStages,
              fromFamilies == null ? Set.of() : fromFamilies,
              to,
              priority,
              condition));
      return parent;
    }
  }
}
