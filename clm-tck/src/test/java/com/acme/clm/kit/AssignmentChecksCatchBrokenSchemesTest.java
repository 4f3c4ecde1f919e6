package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.clm.api.Customer;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Inputs;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Parameter;
import io.clm.plugin.support.Rules;
import io.clm.tck.SegmentationSchemeContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The scheme contract's checks of segments, fits and assignments can fail: each broken scheme below
 * is caught by the check meant for it.
 */
class AssignmentChecksCatchBrokenSchemesTest {

  /** Sound credit-score bands on the base classes, with a configurable cut. */
  public static final class Bands extends BaseScheme {
    /** The scheme with its default cut. */
    public Bands() {
      this(Map.of());
    }

    private Bands(Map<String, Double> overrides) {
      super("acme.bands", Kind.ABSOLUTE, List.of("high", "low"), Population.Columns.of(Metric.CREDIT_SCORE),
          List.of(new Parameter("cut", 600, 0, 1000)), overrides);
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new Bands(parameters);
    }

    @Override
    protected Rules rules(FittedScheme fitted) {
      double cut = fitted.parameter("cut");
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          double score = p.metric(Metric.CREDIT_SCORE, row);
          return Double.isNaN(score) ? -1 : score >= cut ? 0 : 1;
        }

        @Override
        public void explain(Population p, int row, Map<String, Double> into) {
          Inputs.put(into, "credit-score", p.metric(Metric.CREDIT_SCORE, row));
        }

        @Override
        public List<String> reasons() {
          return List.of("no credit score");
        }
      };
    }
  }

  /** Passes every call to sound bands; each broken scheme below changes one answer. */
  public static class Wrapper implements SegmentationScheme {
    final SegmentationScheme inner = new Bands();

    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public Kind kind() {
      return inner.kind();
    }

    @Override
    public List<String> segments() {
      return inner.segments();
    }

    @Override
    public Population.Columns columns() {
      return inner.columns();
    }

    @Override
    public int formatVersion() {
      return inner.formatVersion();
    }

    @Override
    public Map<String, Double> parameters() {
      return inner.parameters();
    }

    @Override
    public SegmentationScheme configure(Map<String, Double> overrides) {
      return inner.configure(overrides);
    }

    @Override
    public FittedScheme fit(Population population) {
      return inner.fit(population);
    }

    @Override
    public Segmenter segmenter(FittedScheme fitted) {
      return inner.segmenter(fitted);
    }
  }

  /** A segmenter that passes every call to another; each broken one below changes one answer. */
  static class SegmenterWrapper implements Segmenter {
    final Segmenter inner;

    SegmenterWrapper(Segmenter inner) {
      this.inner = inner;
    }

    @Override
    public FittedScheme fitted() {
      return inner.fitted();
    }

    @Override
    public List<String> segments() {
      return inner.segments();
    }

    @Override
    public Assignment assign(Customer customer, Instant asOf) {
      return inner.assign(customer, asOf);
    }

    @Override
    public Segmentation assignAll(Population population) {
      return inner.assignAll(population);
    }
  }

  private static SegmentationSchemeContract schemes(Supplier<SegmentationScheme> plugin) {
    return new SegmentationSchemeContract() {
      @Override
      protected SegmentationScheme createPlugin() {
        return plugin.get();
      }
    };
  }

  private static SegmentationSchemeContract withSegmenter(java.util.function.UnaryOperator<Segmenter> broken) {
    return schemes(() -> new Wrapper() {
      @Override
      public Segmenter segmenter(FittedScheme fitted) {
        return broken.apply(inner.segmenter(fitted));
      }
    });
  }

  @Test
  void soundBandsPassEveryCheck() {
    SegmentationSchemeContract c = schemes(Wrapper::new);
    assertThatCode(c::segmentsAreWellFormedAndStable).doesNotThrowAnyException();
    assertThatCode(c::fitIsDeterministicAndIndependentOfRowOrder).doesNotThrowAnyException();
    assertThatCode(c::assignmentIsTotalDeterministicAndConsistent).doesNotThrowAnyException();
    assertThatCode(c::assignmentIsSafeFromSeveralThreads).doesNotThrowAnyException();
    assertThatCode(c::assignmentsSurviveTheJsonRoundTrip).doesNotThrowAnyException();
  }

  @Test
  void segmentsThatAreNotLowercaseIdsRepeatOrNameTheUnclassifiedAreCaught() {
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public List<String> segments() {
        return List.of("High", "low");
      }
    })::segmentsAreWellFormedAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("segment 'High' is lowercase letters, digits and hyphens");
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public List<String> segments() {
        return List.of("high", "low", "high");
      }
    })::segmentsAreWellFormedAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("segments() of 'acme.bands'");
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public List<String> segments() {
        return List.of("high", "low", Assignment.UNCLASSIFIED);
      }
    })::segmentsAreWellFormedAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("unclassified");
  }

  @Test
  void segmentsThatDifferOnAnotherInstanceOrNoFormatVersionAreCaught() {
    AtomicInteger made = new AtomicInteger();
    assertThatThrownBy(schemes(() -> {
      List<String> segments = made.getAndIncrement() == 0 ? List.of("high", "low") : List.of("low", "high");
      return new Wrapper() {
        @Override
        public List<String> segments() {
          return segments;
        }
      };
    })::segmentsAreWellFormedAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("segments() of another instance");
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public int formatVersion() {
        return 0;
      }
    })::segmentsAreWellFormedAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("formatVersion()");
  }

  @Test
  void aFitThatDependsOnTheOrderOfTheRowsIsCaught() {
    // the first customer's id is taken as the fit's "anchor"
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public FittedScheme fit(Population population) {
        double anchor = population.size() == 0 ? 0 : population.id(0).hashCode();
        return new FittedScheme(id(), 1, Map.of("cut", 600.0, "anchor", anchor));
      }
    })::fitIsDeterministicAndIndependentOfRowOrder)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fit on reversed rows");
  }

  @Test
  void aFitThatChangesFromCallToCallIsCaught() {
    AtomicInteger fits = new AtomicInteger();
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public FittedScheme fit(Population population) {
        return new FittedScheme(id(), 1, Map.of("cut", 600.0, "fits", (double) fits.getAndIncrement()));
      }
    })::fitIsDeterministicAndIndependentOfRowOrder)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("second fit");
  }

  @Test
  void aFitUnderAnotherIdOrFormatVersionIsCaught() {
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public FittedScheme fit(Population population) {
        return new FittedScheme("acme.other", 1, Map.of("cut", 600.0));
      }
    })::fitIsDeterministicAndIndependentOfRowOrder)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("acme.other");
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public FittedScheme fit(Population population) {
        return new FittedScheme(id(), 7, Map.of("cut", 600.0));
      }
    })::fitIsDeterministicAndIndependentOfRowOrder)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("7");
  }

  @Test
  void anAbsoluteSchemeThatRefusesToFitOrAFitThatThrowsUntypedOrGivesNothingIsCaught() {
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public FittedScheme fit(Population population) {
        throw new ValidationException("too few customers");
      }
    })::fitIsDeterministicAndIndependentOfRowOrder)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is absolute, so it fits any population, but fit() refused one of");
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public FittedScheme fit(Population population) {
        throw new IllegalStateException("not ready");
      }
    })::fitIsDeterministicAndIndependentOfRowOrder)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(".fit() threw java.lang.IllegalStateException: not ready; expected a fitted scheme or a ClmException");
    assertThatThrownBy(schemes(() -> new Wrapper() {
      @Override
      public FittedScheme fit(Population population) {
        return null;
      }
    })::fitIsDeterministicAndIndependentOfRowOrder)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fit() of 'acme.bands'");
  }

  @Test
  void aSegmenterThatForgetsItsFittedSchemeOrItsSegmentsIsCaught() {
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public FittedScheme fitted() {
        return null;
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fitted() of the segmenter of");
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public List<String> segments() {
        return List.of("low", "high");
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("segments() of the segmenter of");
  }

  @Test
  void anUndeclaredSegmentIsCaught() {
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public Assignment assign(Customer customer, Instant asOf) {
        Assignment a = inner.assign(customer, asOf);
        return a.isClassified() && a.segment().equals("low")
            ? new Assignment(a.schemeId(), a.customer(), "lowest", "", a.inputs()) : a;
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("segments of 'acme.bands'");
  }

  @Test
  void anAssignmentForAnotherSchemeOrCustomerIsCaught() {
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public Assignment assign(Customer customer, Instant asOf) {
        Assignment a = inner.assign(customer, asOf);
        return new Assignment("acme.other", a.customer(), a.segment(), a.reason(), a.inputs());
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("acme.other");
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public Assignment assign(Customer customer, Instant asOf) {
        Assignment a = inner.assign(customer, asOf);
        return new Assignment(a.schemeId(), io.clm.api.CustomerId.of("someone-else"), a.segment(), a.reason(), a.inputs());
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anAssignmentThatChangesFromCallToCallIsCaught() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public Assignment assign(Customer customer, Instant asOf) {
        Assignment a = inner.assign(customer, asOf);
        return new Assignment(a.schemeId(), a.customer(), a.segment(), a.reason(), Map.of("call", (double) calls.getAndIncrement()));
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("second assign for");
  }

  @Test
  void aPopulationAssignedOtherwiseThanEachCustomerIsCaught() {
    // assignAll leaves everyone unclassified
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public Segmentation assignAll(Population population) {
        int[] codes = new int[population.size()];
        java.util.Arrays.fill(codes, -1);
        return Segmentation.of("acme.bands", population, List.of("high", "low"), List.of("no credit score"), codes);
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("assignAll row");
  }

  @Test
  void anAssignmentThatThrowsIsCaught() {
    assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
      @Override
      public Assignment assign(Customer customer, Instant asOf) {
        if (Double.isNaN(customer.metric(Metric.CREDIT_SCORE, asOf))) {
          throw new ValidationException("no credit score");
        }
        return inner.assign(customer, asOf);
      }
    })::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("assignment is total: a customer the scheme cannot place is unclassified with a reason");
  }

  @Test
  void aSegmenterThatDependsOnTheThreadIsCaughtAtOnce() {
    // keeps its cut per thread, with the configured one only on the thread that made the segmenter
    assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        assertThatThrownBy(withSegmenter(s -> new SegmenterWrapper(s) {
          private final ThreadLocal<Boolean> ready = ThreadLocal.withInitial(() -> false);

          {
            ready.set(true);
          }

          @Override
          public Assignment assign(Customer customer, Instant asOf) {
            Assignment a = inner.assign(customer, asOf);
            return ready.get() ? a : new Assignment(a.schemeId(), a.customer(), "high", "", a.inputs());
          }
        })::assignmentIsSafeFromSeveralThreads)
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("assignments from 4 threads"));
  }

  @Test
  void aSchemeThatIgnoresAnUnknownParameterIsCaught() {
    assertThatCode(schemes(Wrapper::new)::configurationIsTotalAndLeavesTheSchemeUnchanged).doesNotThrowAnyException();
    SegmentationSchemeContract c = schemes(() -> new Wrapper() {
      @Override
      public SegmentationScheme configure(Map<String, Double> overrides) {
        Map<String, Double> known = new java.util.HashMap<>(overrides);
        known.keySet().retainAll(inner.parameters().keySet());
        return inner.configure(known);
      }
    });
    assertThatThrownBy(c::configurationIsTotalAndLeavesTheSchemeUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("must throw a ClmException naming the");
  }

  @Test
  void anUnregisteredSchemeIsCaught() {
    assertThatThrownBy(schemes(Wrapper::new)::isRegisteredAsAService)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("annotate the class with @AutoService(SegmentationScheme.class)");
  }
}
