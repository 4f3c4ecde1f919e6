package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintFacts;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import io.clm.tck.ComplaintWorkflowContract;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The workflow contract's checks can fail: each broken workflow below is caught by the check meant for it. */
class WorkflowContractCatchesBrokenWorkflowsTest {

  /** A sound workflow: the standard states, one policy, one rule of each kind. The broken ones change one thing. */
  public static class Sound implements ComplaintWorkflow {
    static final SlaPolicy POLICY = SlaPolicy.builder("acme.sound", SlaLimit.businessDays(10)).build();

    @Override
    public String id() {
      return "acme.sound";
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return POLICY;
    }

    @Override
    public List<ClassificationRule> classificationRules() {
      return List.of(ClassificationRule.keywords("fraud-words", List.of("fraud")));
    }

    @Override
    public List<RoutingRule> routingRules() {
      return List.of(RoutingRule.category("cards-team", "cards", "card-services"));
    }
  }

  private static ComplaintWorkflowContract workflows(Supplier<ComplaintWorkflow> plugin) {
    return new ComplaintWorkflowContract() {
      @Override
      protected ComplaintWorkflow createPlugin() {
        return plugin.get();
      }
    };
  }

  private static ClassificationRule classification(String id, Severity severity, java.util.function.Predicate<ComplaintFacts> when) {
    return new ClassificationRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Severity severity() {
        return severity;
      }

      @Override
      public boolean matches(ComplaintFacts facts) {
        return when.test(facts);
      }
    };
  }

  private static RoutingRule routing(String id, String assignee, java.util.function.Predicate<Complaint> when) {
    return new RoutingRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String assignee() {
        return assignee;
      }

      @Override
      public boolean matches(Complaint complaint) {
        return when.test(complaint);
      }
    };
  }

  @Test
  void aSoundWorkflowPassesEveryCheck() {
    ComplaintWorkflowContract c = workflows(Sound::new);
    assertThatCode(c::theStateMachineIsSoundAndStable).doesNotThrowAnyException();
    assertThatCode(c::everyComplaintHasAnSlaPolicy).doesNotThrowAnyException();
    assertThatCode(c::rulesAreWellFormedTotalAndDeterministic).doesNotThrowAnyException();
    assertThatCode(c::resultsSurviveTheJsonRoundTrip).doesNotThrowAnyException();
  }

  @Test
  void aStateNoTicketCanLeaveIsCaught() {
    ComplaintWorkflowContract c = workflows(() -> new Sound() {
      @Override
      public Set<ComplaintState> next(ComplaintState from) {
        return from == ComplaintState.ESCALATED ? EnumSet.noneOf(ComplaintState.class) : ComplaintState.standardNext(from);
      }
    });
    assertThatThrownBy(c::theStateMachineIsSoundAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a ticket in ESCALATED can reach a closed state");
  }

  @Test
  void aNullSetOfMovesIsCaught() {
    ComplaintWorkflowContract c = workflows(() -> new Sound() {
      @Override
      public Set<ComplaintState> next(ComplaintState from) {
        return from == ComplaintState.CLOSED ? null : ComplaintState.standardNext(from);
      }
    });
    assertThatThrownBy(c::theStateMachineIsSoundAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("next(CLOSED) of 'acme.sound'");
  }

  /** Hands out the sets it keeps, so a caller that changes one changes the workflow. */
  public static final class SharedMoves extends Sound {
    private final Map<ComplaintState, Set<ComplaintState>> moves = new EnumMap<>(ComplaintState.class);

    /** Keeps the standard moves. */
    public SharedMoves() {
      for (ComplaintState s : ComplaintState.values()) {
        moves.put(s, ComplaintState.standardNext(s));
      }
    }

    @Override
    public Set<ComplaintState> next(ComplaintState from) {
      return moves.get(from);
    }
  }

  @Test
  void movesThatTheCallerCanChangeAreCaught() {
    assertThatThrownBy(workflows(SharedMoves::new)::theStateMachineIsSoundAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("next(RECEIVED) after a caller changed the returned set");
  }

  @Test
  void movesThatDifferOnAnotherInstanceAreCaught() {
    AtomicInteger made = new AtomicInteger();
    ComplaintWorkflowContract c = workflows(() -> {
      boolean first = made.getAndIncrement() == 0;
      return new Sound() {
        @Override
        public Set<ComplaintState> next(ComplaintState from) {
          Set<ComplaintState> next = EnumSet.noneOf(ComplaintState.class);
          next.addAll(ComplaintState.standardNext(from));
          if (!first) {
            next.remove(ComplaintState.ESCALATED);
          }
          return next;
        }
      };
    });
    assertThatThrownBy(c::theStateMachineIsSoundAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("next(RECEIVED) on another instance");
  }

  @Test
  void aCategoryWithoutAPolicyIsCaught() {
    ComplaintWorkflowContract c = workflows(() -> new Sound() {
      @Override
      public SlaPolicy slaPolicy(Severity severity, String category) {
        return category.equals("tck-unknown-category") ? null : POLICY;
      }
    });
    assertThatThrownBy(c::everyComplaintHasAnSlaPolicy)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("slaPolicy(URGENT, tck-unknown-category) of 'acme.sound'");
  }

  @Test
  void aPolicyThatChangesFromCallToCallIsCaught() {
    ComplaintWorkflowContract c = workflows(() -> new Sound() {
      private final AtomicInteger calls = new AtomicInteger();

      @Override
      public SlaPolicy slaPolicy(Severity severity, String category) {
        return SlaPolicy.builder("acme.sound", SlaLimit.businessDays(10 + calls.getAndIncrement())).build();
      }
    });
    assertThatThrownBy(c::everyComplaintHasAnSlaPolicy).isInstanceOf(AssertionError.class);
  }

  @Test
  void aPolicyThatDiffersOnAnotherInstanceIsCaught() {
    AtomicInteger made = new AtomicInteger();
    ComplaintWorkflowContract c = workflows(() -> {
      SlaPolicy policy = SlaPolicy.builder("acme.sound", SlaLimit.businessDays(10 + made.getAndIncrement())).build();
      return new Sound() {
        @Override
        public SlaPolicy slaPolicy(Severity severity, String category) {
          return policy;
        }
      };
    });
    assertThatThrownBy(c::everyComplaintHasAnSlaPolicy).isInstanceOf(AssertionError.class);
  }

  /** Keeps the policy of each thread apart, and has none ready on a thread other than the one that made it. */
  public static final class PolicyPerThread extends Sound {
    private final ThreadLocal<SlaPolicy> policy = ThreadLocal.withInitial(
        () -> SlaPolicy.builder("acme.sound", SlaLimit.businessDays(20)).build());

    /** Readies the policy of the thread that makes the workflow. */
    public PolicyPerThread() {
      policy.set(POLICY);
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return policy.get();
    }
  }

  @Test
  void aPolicyThatDependsOnTheThreadIsCaught() {
    assertThatThrownBy(workflows(PolicyPerThread::new)::everyComplaintHasAnSlaPolicy)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("policies from 4 threads");
  }

  @Test
  void aBlankDefaultAssigneeIsCaught() {
    ComplaintWorkflowContract c = workflows(() -> new Sound() {
      @Override
      public String defaultAssignee() {
        return " ";
      }
    });
    assertThatThrownBy(c::everyComplaintHasAnSlaPolicy)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("defaultAssignee()");
  }

  @Test
  void rulesWithoutAListAreCaught() {
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<ClassificationRule> classificationRules() {
        return null;
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("classificationRules()");
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<RoutingRule> routingRules() {
        return null;
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("routingRules()");
  }

  @Test
  void rulesThatShareAnIdAreCaught() {
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<ClassificationRule> classificationRules() {
        return List.of(ClassificationRule.keywords("words", List.of("fraud")), ClassificationRule.keywords("words", List.of("stolen")));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("classification rule id 'words' is unique");
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<RoutingRule> routingRules() {
        return List.of(RoutingRule.category("team", "cards", "card-services"), RoutingRule.category("team", "loans", "lending"));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("routing rule id 'team' is unique");
  }

  @Test
  void rulesWithABlankIdAnUnsetSeverityOrABlankAssigneeAreCaught() {
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<ClassificationRule> classificationRules() {
        return List.of(classification(" ", Severity.URGENT, facts -> false));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting not blank");
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<ClassificationRule> classificationRules() {
        return List.of(classification("no-severity", null, facts -> false));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to be null");
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<RoutingRule> routingRules() {
        return List.of(routing("", "card-services", complaint -> false));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting not blank");
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<RoutingRule> routingRules() {
        return List.of(routing("nobody", " ", complaint -> false));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting not blank");
  }

  @Test
  void rulesThatAnswerDifferentlyTheSecondTimeAreCaught() {
    AtomicInteger asked = new AtomicInteger();
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<ClassificationRule> classificationRules() {
        return List.of(classification("flip", Severity.URGENT, facts -> asked.getAndIncrement() % 2 == 0));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<RoutingRule> routingRules() {
        return List.of(routing("flip", "card-services", complaint -> asked.getAndIncrement() % 2 == 0));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aRoutingRuleThatThrowsForSomeComplaintsIsCaught() {
    assertThatThrownBy(workflows(() -> new Sound() {
      @Override
      public List<RoutingRule> routingRules() {
        return List.of(routing("by-customer", "card-services", complaint -> complaint.customer().orElseThrow() != null));
      }
    })::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rule 'by-customer' threw java.util.NoSuchElementException");
  }
}
