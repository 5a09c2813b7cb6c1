{
  "variables": {
    "faiss_prefix%": "<!(echo ${FAISS_PREFIX:-/usr})",
    "faiss_gpu%": "<!(echo ${FAISS_GPU:-0})",
    "faiss_simd_prefix%": "<!(echo ${FAISS_SIMD_PREFIX:-})"
  },
  "target_defaults": {
    "sources": [
      "native/addon.cc",
      "native/index_wrap.cc",
      "native/faiss_ops.cc",
      "native/promise_worker.cc",
      "native/device_ops.cc",
      "native/bandwidth_ops.cc",
      "native/faiss_errors.cc",
      "native/id_filter.cc",
      "native/filter_wrap.cc",
      "native/subset_ops.cc",
      "native/subset_cache.cc"
    ],
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
    "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_CPP_EXCEPTIONS"],
    "cflags!": ["-fno-exceptions", "-fno-rtti"],
    "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
    "cflags_cc": [
      "-std=c++17", "-fexceptions", "-frtti", "-fopenmp", "-O3",
      "-fvisibility=hidden", "-fvisibility-inlines-hidden"
    ],
    "ldflags": ["-fopenmp", "-Wl,--exclude-libs,ALL"]
  },
  "targets": [
    {
      "target_name": "vecshard_faiss",
      "include_dirs": ["<(faiss_prefix)/include"],
      "ldflags": ["-L<(faiss_prefix)/lib"],
      "libraries": ["-lfaiss", "-lopenblas", "-llapack", "-fopenmp"],
      "conditions": [
        ["faiss_gpu=='1'", {
          "defines": ["VECSHARD_FAISS_GPU"],
          "include_dirs": ["<!(echo ${CUDA_HOME:-/usr/local/cuda})/include"],
          "libraries": ["-lcudart", "-lcublas"],
          "ldflags": ["-L<!(echo ${CUDA_HOME:-/usr/local/cuda})/lib64"]
        }]
      ]
    }
  ],
  "conditions": [
    ["faiss_simd_prefix!='' and faiss_gpu!='1'", {
      "targets": [
        {
          "target_name": "vecshard_faiss_avx2",
          "include_dirs": ["<(faiss_simd_prefix)/include"],
          "defines": ["VECSHARD_FAISS_AVX2"],
          "cflags_cc": ["-mavx2", "-mfma", "-mf16c", "-mpopcnt"],
          "libraries": ["<(faiss_simd_prefix)/lib/libfaiss_avx2.a", "-lopenblas", "-llapack", "-fopenmp"]
        }
      ]
    }]
  ]
}
