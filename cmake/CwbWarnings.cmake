# Warning flags shared by every target of the project.
# cwb_set_warnings(<target>) turns them on for one target.
function(cwb_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
      -Wcast-align -Wimplicit-fallthrough -Wformat=2)
    # Not -Wnull-dereference: with GCC 12 at -O3 it reports paths inside
    # Eigen and std::vector that inlining makes look reachable.
    if(CWB_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
